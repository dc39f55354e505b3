/**
 * Identity numbers arrive typed with spaces ("001 203 012345") or as Excel numbers; both reduce to
 * the bare string that the checks look at.
 */
export function withoutSpaces(raw: string | number): string {
  return String(raw).replace(/\s+/g, '');
}
