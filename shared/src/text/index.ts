// Contract of the text module (implemented in sibling files).
export { nfc, toneKey, deaccentKey } from './normalize';
export { decodeTcvn3, encodeTcvn3 } from './tcvn3';
export { decodeVni, encodeVni } from './vni';
export { detectEncoding, repairText, type LegacyEncoding, type Repair } from './detect';
export { accountName, adminAccountName, checkAccountName } from './account-name';
