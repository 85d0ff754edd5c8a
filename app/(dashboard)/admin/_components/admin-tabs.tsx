'use client';

import { useState } from 'react';
import { Tabs } from '@/app/_components/ui/tabs';
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

/** The admin sections as tabs. */
export function AdminTabs({ selfId }: { selfId: number | null }) {
  const [tab, setTab] = useState<TabId>('users');
  return (
    <Tabs tabs={TABS} value={tab} onChange={setTab} label="Admin sections" idPrefix="">
      {tab === 'users' && <UsersPanel selfId={selfId} />}
      {tab === 'organisations' && <OrganisationsPanel />}
      {tab === 'settings' && <SettingsPanel />}
      {tab === 'audit' && <AuditPanel />}
    </Tabs>
  );
}
