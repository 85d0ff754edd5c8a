'use client';

import { useState } from 'react';
import { AuditPanel } from './audit-panel';
import { OrganisationsPanel } from './organisations-panel';
import { SettingsPanel } from './settings-panel';
import { UsersPanel } from './users-panel';

const TABS = [
  { id: 'users', label: 'Users' },
  { id: 'organisations', label: 'Organisations' },
  { id: 'settings', label: 'Settings' },
  { id: 'audit', label: 'Audit log' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Keyboard-accessible tabs (arrow keys move between them). */
export function AdminTabs({ selfId }: { selfId: number | null }) {
  const [tab, setTab] = useState<TabId>('users');
  return (
    <>
      <div role="tablist" aria-label="Admin sections" className="tabs">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
              if (next) {
                setTab(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'users' && <UsersPanel selfId={selfId} />}
        {tab === 'organisations' && <OrganisationsPanel />}
        {tab === 'settings' && <SettingsPanel />}
        {tab === 'audit' && <AuditPanel />}
      </div>
    </>
  );
}
