import { type Problem, problem } from '../problem';
import { deaccentKey } from './normalize';

// vnEdu account names (Đắk Nông operating rules, 2018): a user is
// <given name><initials of family and middle names>.<school abbreviation>, a unit admin
// <district abbreviation>_<school abbreviation>; no diacritics, no spaces, lower case.

/** Lower-case ASCII letters and digits only: "THCS Nguyễn Du" → "thcsnguyendu". */
function plainAbbreviation(s: string): string {
  return deaccentKey(s).replace(/[^a-z0-9]/g, '');
}

/** The user part for a name written family name first; '' when the name has no letters. */
function userPart(fullName: string): string {
  const words = deaccentKey(fullName)
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word !== '');
  const given = words.pop() ?? '';
  return given + words.map((word) => word[0]).join('');
}

function required(value: string, what: string): string {
  if (value === '') throw new RangeError(`${what} has no letters or digits`);
  return value;
}

/**
 * "Nguyễn Văn An", "thcsnd" → "annv.thcsnd". The last word is taken as the given name, as the rule
 * assumes. Throws RangeError when the name or the school abbreviation has no letters.
 */
export function accountName(fullName: string, schoolAbbr: string): string {
  return `${required(userPart(fullName), 'Full name')}.${required(plainAbbreviation(schoolAbbr), 'School abbreviation')}`;
}

/** "CJ", "THCS ND" → "cj_thcsnd". Throws RangeError when either abbreviation has no letters. */
export function adminAccountName(districtAbbr: string, schoolAbbr: string): string {
  return `${required(plainAbbreviation(districtAbbr), 'District abbreviation')}_${required(plainAbbreviation(schoolAbbr), 'School abbreviation')}`;
}

/**
 * Checks a user account against the rule for this person and school. Codes: account.empty,
 * account.whitespace, account.diacritics, account.case, account.format, account.school,
 * account.numbered (expected name plus a number, as schools do for namesakes), account.mismatch,
 * account.name-missing. The school part is not checked when `schoolAbbr` is blank.
 */
export function checkAccountName(account: string, fullName: string, schoolAbbr: string): Problem[] {
  if (account.trim() === '') {
    return [problem('account.empty', 'error', 'Chưa có tên tài khoản.', 'The account name is empty.')];
  }
  const problems: Problem[] = [];
  if (/\s/.test(account)) {
    problems.push(
      problem(
        'account.whitespace',
        'error',
        `Tên tài khoản "${account}" không được có dấu cách.`,
        `The account name "${account}" must not contain spaces.`,
      ),
    );
  }
  if (/[^\p{ASCII}]/u.test(account)) {
    problems.push(
      problem(
        'account.diacritics',
        'error',
        `Tên tài khoản "${account}" phải viết không dấu.`,
        `The account name "${account}" must be written without diacritics.`,
      ),
    );
  }
  if (/[A-Z]/.test(account)) {
    problems.push(
      problem(
        'account.case',
        'warning',
        `Tên tài khoản "${account}" nên viết chữ thường.`,
        `The account name "${account}" should be lower case.`,
      ),
    );
  }

  // The rest is compared on the account with those slips undone, so each slip is reported once.
  const shape = /^([a-z0-9]+)\.([a-z0-9]+)$/.exec(deaccentKey(account).replace(/\s/g, ''));
  if (!shape) {
    problems.push(
      problem(
        'account.format',
        'error',
        `Tên tài khoản "${account}" phải có dạng <tên><chữ cái đầu của họ và tên đệm>.<tên viết tắt của trường>, ví dụ "annv.thcsnd".`,
        `The account name "${account}" must look like <given name><initials of family and middle names>.<school abbreviation>, e.g. "annv.thcsnd".`,
      ),
    );
    return problems;
  }
  const [, user = '', school = ''] = shape;

  const expectedSchool = plainAbbreviation(schoolAbbr);
  if (expectedSchool !== '' && school !== expectedSchool) {
    problems.push(
      problem(
        'account.school',
        'error',
        `Phần sau dấu chấm phải là tên viết tắt của trường "${expectedSchool}", không phải "${school}".`,
        `The part after the dot must be the school abbreviation "${expectedSchool}", not "${school}".`,
      ),
    );
  }

  const expectedUser = userPart(fullName);
  if (expectedUser === '') {
    problems.push(
      problem(
        'account.name-missing',
        'warning',
        'Không có họ tên để đối chiếu với tên tài khoản.',
        'There is no full name to check the account name against.',
      ),
    );
  } else if (user.startsWith(expectedUser) && /^\d+$/.test(user.slice(expectedUser.length))) {
    problems.push(
      problem(
        'account.numbered',
        'warning',
        `Tên tài khoản "${account}" thêm số sau "${expectedUser}": chỉ đúng khi trường có người trùng tên.`,
        `The account name "${account}" adds a number after "${expectedUser}": right only if someone at the school has the same name.`,
      ),
    );
  } else if (user !== expectedUser) {
    problems.push(
      problem(
        'account.mismatch',
        'error',
        `Tên tài khoản "${account}" không khớp họ tên "${fullName}": theo quy tắc phần trước dấu chấm là "${expectedUser}".`,
        `The account name "${account}" does not match the name "${fullName}": by the rule the part before the dot is "${expectedUser}".`,
      ),
    );
  }
  return problems;
}
