export {
  CCCD_PROVINCE_CODES,
  type CccdCheckOptions,
  type CccdParts,
  checkCccd,
  type Gender,
  type PersonFacts,
  parseCccd,
} from './cccd';
export { checkCmnd } from './cmnd';
export {
  daysInMonth,
  formatVnDate,
  isLeapYear,
  parseVnDate,
  toExcelSerial,
  type VnDate,
  type VnDateResult,
  vietnamDayOf,
  vietnamInstant,
} from './date';
export { checkLength, type LimitedField, MINISTRY_FIELD_LIMITS } from './limits';
export { checkPersonName } from './name';
export {
  checkMobile,
  convertOldMobile,
  MOBILE_PREFIXES,
  normalizeMobile,
  OLD_MOBILE_PREFIXES,
} from './phone';
