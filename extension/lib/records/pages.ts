import type { ProfilePage } from '@edulens/shared/profiles';

// The record page kinds of a profile, as the record features see them.

export type RecordFormPage = Extract<ProfilePage, { kind: 'record-form' }>;
export type RecordListPage = Extract<ProfilePage, { kind: 'record-list' }>;
export type RecordPage = RecordFormPage | RecordListPage;

export function isRecordPage(page: ProfilePage): page is RecordPage {
  return page.kind === 'record-form' || page.kind === 'record-list';
}
