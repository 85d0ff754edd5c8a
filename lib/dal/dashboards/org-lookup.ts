import 'server-only';

export { listDepartments, personHit, searchPeople, type PersonHit } from '@/lib/views/org-lookup';
