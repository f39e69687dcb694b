// Consent before anything goes to a chat model: a modal that names the model and what is
// sent; "always" is remembered per workspace for that model only. Pure (storage and the
// dialog passed in), so the gate is tested without VS Code.

export const CONSENT_KEY = 'reposcout.selfReview.consent';

export const SEND_ONCE = 'Send';
export const SEND_ALWAYS = 'Send, and Do Not Ask Again in This Workspace';

export interface ConsentStore {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

export interface ModelName {
  id: string;
  name: string;
  vendor: string;
}

/** The modal: its message and detail, and the buttons it offers (Cancel is implied). */
export type AskConsent = (message: string, detail: string, buttons: string[]) => Promise<string | undefined>;

/** True when the user agreed (now or before, in this workspace, for this model); nothing is sent otherwise. */
export async function ensureConsent(store: ConsentStore, model: ModelName, whatIsSent: string, ask: AskConsent): Promise<boolean> {
  const remembered = store.get(CONSENT_KEY) as { models?: unknown } | undefined;
  const models = Array.isArray(remembered?.models) ? (remembered.models as unknown[]).filter((m): m is string => typeof m === 'string') : [];
  if (models.includes(consentId(model))) return true;
  const answer = await ask(
    `Send this portfolio to ${model.name} (${model.vendor})?`,
    `${whatIsSent}\n\nThe model is provided by ${model.vendor}, whose terms apply. RepoScout sends nothing without this consent.`,
    [SEND_ONCE, SEND_ALWAYS],
  );
  if (answer === SEND_ALWAYS) await store.update(CONSENT_KEY, { models: [...models, consentId(model)] });
  return answer === SEND_ONCE || answer === SEND_ALWAYS;
}

/** Forgets every remembered consent of this workspace. */
export async function forgetConsent(store: ConsentStore): Promise<void> {
  await store.update(CONSENT_KEY, undefined);
}

function consentId(model: ModelName): string {
  return `${model.vendor}/${model.id}`;
}
