import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import path from 'node:path';

const dbImports = [
  { group: ['@/db', '@/db/*', '**/db/*', '../db/*'], message: 'Only lib/dal (and scripts) may import db/.' },
];
const frameworkImports = [
  {
    group: ['next', 'next/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'Pure libraries may not import next or react.',
  },
  {
    group: ['@/lib/dal', '@/lib/dal/*', '**/dal/*', '../dal', '../dal/*'],
    message: 'Pure libraries may not import the DAL.',
  },
  { group: ['server-only'], message: "Pure libraries run anywhere: no 'server-only'." },
];

const cliImports = [
  {
    group: ['@/cli', '@/cli/*', '**/cli/*', '../cli/*', '../../cli/*'],
    message: 'cli/ (command line, bench, demo) is a leaf: only scripts/, tests/ and cli/ import it.',
  },
];
const dalImports = [
  { group: ['@/lib/dal', '@/lib/dal/*'], message: 'Client helpers may not import the DAL.' },
];

const DAL_DIR = path.resolve(import.meta.dirname, 'lib/dal');

/** Whether an import source names lib/dal: '@/lib/dal...' or a relative path into it. */
function isDalSource(source, filename) {
  if (source === '@/lib/dal' || source.startsWith('@/lib/dal/')) return true;
  if (!source.startsWith('.')) return false;
  const target = path.resolve(path.dirname(filename), source);
  return target === DAL_DIR || target.startsWith(DAL_DIR + path.sep);
}

/** Whether an import or re-export is erased at compile time (types only). */
function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/**
 * strata/no-dal-in-client: a file whose first statement is the 'use client' directive may not
 * import lib/dal (server code: sessions, SQL); types only are fine, they are erased.
 */
const noDalInClient = {
  meta: {
    type: 'problem',
    docs: { description: "Forbid importing lib/dal from 'use client' files" },
    messages: {
      dal: "A 'use client' file may not import lib/dal ({{source}}): fetch from an API route, or import types only.",
    },
    schema: [],
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const first = body[0];
    const isClient = first?.type === 'ExpressionStatement' && first.directive === 'use client';
    if (!isClient) return {};
    const check = (node, sourceNode) => {
      if (sourceNode?.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      if (isDalSource(sourceNode.value, context.filename))
        context.report({ node, messageId: 'dal', data: { source: sourceNode.value } });
    };
    return {
      ImportDeclaration: (node) => typeOnly(node) || check(node, node.source),
      ExportNamedDeclaration: (node) => typeOnly(node) || check(node, node.source),
      ExportAllDeclaration: (node) => typeOnly(node) || check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

/** Import boundaries from STYLE.md: app/ never touches db/; pure libs touch neither db, framework nor DAL. */
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.data/**',
      'demo-data/**',
      'db/migrations/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The app and the libraries never reach the command line's folder; only lib/dal touches db/.
    files: ['app/**', 'lib/**', 'db/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['lib/dal/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...dbImports, ...cliImports] }] },
  },
  {
    files: ['lib/dal/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: cliImports }] },
  },
  {
    // Client helpers (react-query keys, hooks, fetch): no server code. Types from lib/dal are fine
    // (erased at compile time): the dashboard registry (lib/query/families.ts) names each answer's type.
    files: ['lib/query/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...dbImports, ...cliImports] }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: dalImports.map((p) => ({ ...p, allowTypeImports: true })) },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,jsx,mjs}'],
    plugins: { strata: { rules: { 'no-dal-in-client': noDalInClient } } },
    rules: { 'strata/no-dal-in-client': 'error' },
  },
  {
    files: [
      'lib/metrics/**',
      'lib/ingest/**',
      'lib/ladders/**',
      'lib/export/**',
      'lib/privacy/**',
      'lib/ai-ingest/**',
      'lib/views/**',
      'lib/scenarios/**',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...dbImports, ...frameworkImports, ...cliImports] }],
    },
  },
  {
    // The demo generator is pure too (its one fs writer aside); it may use the pure libraries only.
    files: ['cli/demo/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...dbImports, ...frameworkImports] }] },
  },
];

export default config;
