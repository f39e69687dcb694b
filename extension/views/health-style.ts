import * as vscode from 'vscode';
import type { HealthBand } from './repository-tree';

// Health colours come from the theme's chart palette, so they suit light, dark and high-contrast themes.
const BAND_COLOR: Record<HealthBand, string> = {
  good: 'charts.green',
  fair: 'charts.blue',
  weak: 'charts.yellow',
  poor: 'charts.red',
  unknown: 'disabledForeground',
};

export function bandColor(band: HealthBand): vscode.ThemeColor {
  return new vscode.ThemeColor(BAND_COLOR[band]);
}

export function bandIcon(band: HealthBand): vscode.ThemeIcon {
  return new vscode.ThemeIcon(band === 'unknown' ? 'circle-outline' : 'circle-filled', bandColor(band));
}
