import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const dbImports = [
  { group: ['@/db', '@/db/*', '**/db/*', '../db/*'], message: 'Only lib/dal (and scripts) may import db/.' },
];
const frameworkImports = [
  {
    group: ['next', 'next/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'Pure libraries may not import next or react.',
  },
  { group: ['@/lib/dal', '@/lib/dal/*'], message: 'Pure libraries may not import the DAL.' },
];

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
    files: ['app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: dbImports }] },
  },
  {
    files: [
      'lib/metrics/**',
      'lib/ingest/**',
      'lib/ladders/**',
      'lib/export/**',
      'lib/demo/**',
      'lib/privacy/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [...dbImports, ...frameworkImports] }] },
  },
];

export default config;
