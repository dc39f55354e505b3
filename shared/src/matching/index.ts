// Row matching: which row of a file (or a pasted block) belongs to which student on a page.
// Pure, so the extension's content script runs it on paste and the tests run it in Node.

export { codeKey, deaccentNameKey, exactKey, fuzzyNameScore, toneNameKey, wholeNameDistance } from './keys';
export {
  type MatchMethod,
  type MatchDoubt,
  type MatchResult,
  type MatchSource,
  type MatchTarget,
  matchRows,
  type RowMatch,
} from './match-rows';
