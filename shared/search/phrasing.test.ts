import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../test/helpers/temp-store';
import type { Store } from '../store/open';
import { similarRepositories } from '../recommend/similar';
import { indexDocuments, type SearchDocumentInput } from './documents';
import { searchDocuments } from './search';
import { openSpace, type VectorSpace } from './spaces';
import { syncEmbeddings } from './sync';

// A small, realistic catalogue: descriptions as their projects word them, with the near
// misses a keyword search falls for (other drivers, other clients, other "frameworks").
const repo = (key: string, body: string, language: string, topics: string[] = []): SearchDocumentInput => ({
  kind: 'repository',
  refKey: `github:${key}`,
  owner: key.split('/')[0]!,
  title: key,
  body,
  language,
  topics,
});
const catalogue: SearchDocumentInput[] = [
  repo('jackc/pgx', 'PostgreSQL driver and toolkit for Go', 'Go'),
  repo('sijms/go-ora', 'Pure go oracle client driver', 'Go'),
  repo('mongodb/mongo-go-driver', 'The Official Golang driver for MongoDB', 'Go'),
  repo('go-sql-driver/mysql', 'Go MySQL Driver is a MySQL driver for Go\'s (golang) database/sql package', 'Go'),
  repo('microsoft/go-mssqldb', 'Microsoft SQL server driver written in go language', 'Go'),
  repo('mattn/go-sqlite3', 'sqlite3 driver for go using database/sql', 'Go'),
  repo('kubernetes/client-go', 'Go client for Kubernetes.', 'Go'),
  repo('docker/docker-py', 'A Python library for the Docker Engine API.', 'Python'),
  repo('hashicorp/consul', 'Consul is a distributed, highly available, and data center aware solution to connect and configure applications across dynamic, distributed infrastructure.', 'Go'),
  repo('go-resty/resty', 'Simple HTTP and REST client library for Go', 'Go'),
  repo('jaredhanson/passport', 'Simple, unobtrusive authentication for Node.js.', 'JavaScript'),
  repo('auth0/node-jsonwebtoken', 'JsonWebToken implementation for node.js', 'JavaScript'),
  repo('expressjs/cors', 'Node.js CORS middleware', 'JavaScript'),
  repo('helmetjs/helmet', 'Help secure Express apps with various HTTP headers', 'JavaScript'),
  repo('julienschmidt/httprouter', 'A high performance HTTP request router that scales well', 'Go'),
  repo('expressjs/express', 'Fast, unopinionated, minimalist web framework for node.', 'JavaScript'),
  repo('gin-gonic/gin', 'Gin is a HTTP web framework written in Go (Golang).', 'Go'),
  repo('websockets/ws', 'Simple to use, blazing fast and thoroughly tested WebSocket client and server for Node.js', 'JavaScript'),
  repo('brianc/node-postgres', 'PostgreSQL client for node.js.', 'JavaScript'),
  repo('Automattic/mongoose', 'MongoDB object modeling designed to work in an asynchronous environment.', 'JavaScript'),
  repo('pinojs/pino', 'super fast, all natural json logger', 'JavaScript'),
  repo('tj/commander.js', 'the complete solution for node.js command-line interfaces', 'JavaScript'),
  repo('lovell/sharp', 'High performance Node.js image processing, the fastest module to resize JPEG, PNG, WebP, AVIF and TIFF images.', 'JavaScript'),
  repo('date-fns/date-fns', 'Modern JavaScript date utility library', 'TypeScript'),
  repo('motdotla/dotenv', 'Loads environment variables from .env for nodejs projects.', 'JavaScript'),
  repo('typeorm/typeorm', 'ORM for TypeScript and JavaScript. Supports MySQL, PostgreSQL, MariaDB, SQLite, MS SQL Server, Oracle, SAP Hana, WebSQL databases.', 'TypeScript'),
  repo('node-cron/node-cron', 'A simple cron-like job scheduler for Node.js', 'TypeScript'),
  repo('jestjs/jest', 'Delightful JavaScript Testing.', 'TypeScript'),
  repo('webpack/webpack', 'A bundler for javascript and friends. Packs many modules into a few bundled assets.', 'JavaScript'),
  repo('prettier/prettier', 'Prettier is an opinionated code formatter.', 'JavaScript'),
  repo('redis/ioredis', 'A robust, performance-focused, and full-featured Redis client for Node.js.', 'TypeScript'),
  repo('nodemailer/nodemailer', 'Send e-mails with Node.JS – easy as cake!', 'JavaScript'),
];

// Each phrasing a developer would type, and the project that must come first.
const phrasings: [query: string, first: string][] = [
  ['postgres client for node', 'brianc/node-postgres'],
  ['pg driver for go', 'jackc/pgx'],
  ['k8s client', 'kubernetes/client-go'],
  ['auth', 'jaredhanson/passport'],
  ['authentication for node', 'jaredhanson/passport'],
  ['jwt', 'auth0/node-jsonwebtoken'],
  ['http router', 'julienschmidt/httprouter'],
  ['golang web framework', 'gin-gonic/gin'],
  ['web sockets server', 'websockets/ws'],
  ['mongo object modeling', 'Automattic/mongoose'],
  ['postgres orm', 'typeorm/typeorm'],
  ['cli framework', 'tj/commander.js'],
  ['resize images', 'lovell/sharp'],
  ['env vars', 'motdotla/dotenv'],
  ['cron jobs', 'node-cron/node-cron'],
  ['unit test framework', 'jestjs/jest'],
  ['module bundler', 'webpack/webpack'],
  ['send email', 'nodemailer/nodemailer'],
  ['logging library', 'pinojs/pino'],
  ['mssql', 'microsoft/go-mssqldb'],
];

let ctx: ReturnType<typeof tempStore>;
let store: Store;
let space: VectorSpace;
beforeAll(async () => {
  ctx = tempStore();
  store = ctx.store;
  indexDocuments(store, catalogue);
  space = await openSpace(store, 'lexical');
  await syncEmbeddings(store, space);
});
afterAll(() => ctx.cleanup());

describe('common developer phrasings find the obvious project first', () => {
  it.each(phrasings)('"%s" -> %s (hybrid, the default)', async (query, first) => {
    const result = await searchDocuments(store, space, { query, limit: 5 });
    expect(result.hits[0]?.refKey, result.hits.map((h) => h.refKey).join(', ')).toBe(`github:${first}`);
  });

  it.each(phrasings)('"%s" -> %s (BM25 with the lexicon, no vectors)', async (query, first) => {
    const result = await searchDocuments(store, null, { query, limit: 5, mode: 'bm25' });
    expect(result.hits[0]?.refKey, result.hits.map((h) => h.refKey).join(', ')).toBe(`github:${first}`);
  });

  it('"postgres driver" puts both PostgreSQL drivers ahead of every other database driver', async () => {
    const result = await searchDocuments(store, space, { query: 'postgres driver', limit: 5 });
    expect(new Set(result.hits.slice(0, 2).map((h) => h.refKey))).toEqual(new Set(['github:jackc/pgx', 'github:brianc/node-postgres']));
    const go = await searchDocuments(store, space, { query: 'postgres driver', limit: 5, language: 'Go' });
    expect(go.hits[0]?.refKey).toBe('github:jackc/pgx');
  });

  it('plain BM25 (no lexicon) misses what only a synonym names: the expansion is what finds it', async () => {
    const plain = await searchDocuments(store, null, { query: 'postgres driver', limit: 5, mode: 'bm25', expand: false });
    expect(plain.hits[0]?.refKey).not.toBe('github:jackc/pgx');
  });
});

describe('explanations name the synonym that matched', () => {
  it('lists "postgres → postgresql" on the hit and bolds the document\'s own word in the snippet', async () => {
    const result = await searchDocuments(store, space, { query: 'postgres driver', limit: 3 });
    const pgx = result.hits.find((h) => h.refKey === 'github:jackc/pgx')!;
    expect(pgx.expansions).toEqual(['postgres → postgresql']);
    expect(pgx.snippet).toContain('**PostgreSQL**');
    expect(pgx.snippet).toContain('**driver**');
    // A hit that matched only the word, not the concept, lists no expansion.
    const oracle = result.hits.find((h) => h.refKey === 'github:sijms/go-ora');
    if (oracle) expect(oracle.expansions).toEqual([]);
  });

  it('reports nothing when the query spelled the concept itself', async () => {
    const result = await searchDocuments(store, space, { query: 'postgresql', limit: 1 });
    expect(result.hits[0]?.expansions).toEqual([]);
  });
});

describe('similar repositories explain the concepts they share', () => {
  it('ranks database drivers first for pgx, lists the other PostgreSQL driver, and names the shared concepts', async () => {
    const result = await similarRepositories(store, space, 'github:jackc/pgx', { limit: 8, diversity: false, now: Date.parse('2026-01-01') });
    const keys = result.recommendations.map((r) => r.repository.key);
    const drivers = ['go-sql-driver/mysql', 'mattn/go-sqlite3', 'microsoft/go-mssqldb', 'mongodb/mongo-go-driver', 'sijms/go-ora', 'brianc/node-postgres'].map((k) => `github:${k}`);
    expect(keys.slice(0, 3).every((k) => drivers.includes(k)), keys.join(', ')).toBe(true);
    expect(keys).toContain('github:brianc/node-postgres');
    const pg = result.recommendations.find((r) => r.repository.key === 'github:brianc/node-postgres')!;
    expect(pg.factors.find((f) => f.id === 'relevance')!.detail).toMatch(/shared concepts: .*postgresql/);
    const mysql = result.recommendations.find((r) => r.repository.key === 'github:go-sql-driver/mysql')!;
    expect(mysql.factors.find((f) => f.id === 'relevance')!.detail).toMatch(/shared concepts: .*database/);
  });
});
