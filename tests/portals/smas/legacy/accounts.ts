import type { LevelKey } from '../common/school';

// Demo accounts of the legacy portal: one covers both school levels (it must choose one after
// login), one only the lower-secondary level (straight to the home page).

export interface LegacyAccount {
  username: string;
  password: string;
  fullName: string;
  levels: readonly LevelKey[];
}

export const LEGACY_ACCOUNTS: readonly LegacyAccount[] = [
  {
    username: 'longphuoc.admin',
    password: 'Smas@2025',
    fullName: 'Nguyễn Thị Hồng',
    levels: ['primary', 'lower-secondary'],
  },
  {
    username: 'longphuoc.thcs',
    password: 'Smas@2025',
    fullName: 'Trần Văn Bình',
    levels: ['lower-secondary'],
  },
];

export const findLegacyAccount = (username: string) => LEGACY_ACCOUNTS.find((a) => a.username === username);
