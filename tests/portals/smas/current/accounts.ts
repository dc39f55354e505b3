// The SSO's accounts of the current generation: subject teachers of the simulated school, who
// sign in once at the SSO and then use the score book app. Their user names are what a cell's
// history names as "by".

export interface SsoAccount {
  username: string;
  password: string;
  fullName: string;
}

export const SSO_ACCOUNTS: readonly SsoAccount[] = [
  { username: 'hanhnt.lp', password: 'Smas@2025', fullName: 'Nguyễn Thị Hạnh' },
  { username: 'tuanlv.lp', password: 'Smas@2025', fullName: 'Lê Văn Tuấn' },
];

/** The account the seeded marks were entered by, and the tests' default. */
export const MAIN_TEACHER = SSO_ACCOUNTS[0]!;

export function findSsoAccount(username: string): SsoAccount | undefined {
  const wanted = username.trim().toLowerCase();
  return SSO_ACCOUNTS.find((account) => account.username === wanted);
}
