export * from './problem';
export * as text from './text/index';
export * as rules from './rules/index';
export * as calendar from './calendar/index';
export * as profiles from './profiles/index';
