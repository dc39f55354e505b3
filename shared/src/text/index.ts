// Contract of the text module (implemented in sibling files).

export { accountName, adminAccountName, checkAccountName } from './account-name';
export { detectEncoding, type LegacyEncoding, type Repair, repairText } from './detect';
export { deaccentKey, labelKey, nameSimilarity, nfc, toneKey } from './normalize';
export { decodeTcvn3, encodeTcvn3 } from './tcvn3';
export { decodeVni, encodeVni } from './vni';
export {
  decideLegacyText,
  type DecidedBy,
  decodeLegacy,
  type PieceDecision,
  readText,
  type TextPiece,
  type TextReading,
} from './legacy-decision';
