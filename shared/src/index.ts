export * as calendar from './calendar/index';
export * as matching from './matching/index';
export * from './problem';
export * as profiles from './profiles/index';
export * as rules from './rules/index';
export * as sheets from './sheets/index';
export * as text from './text/index';
