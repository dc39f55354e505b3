import type { ApiIssue } from '@edulens/shared/api';
import { zValidator } from '@hono/zod-validator';
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { AgentEnv } from './env';
import { type Refusal, refusals, refuse } from './refusals';

/** Without this a body sent as text/plain would reach the schema as `{}` and get a misleading "missing field". */
export const requireJson: MiddlewareHandler<AgentEnv> = async (c, next) => {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return refuse(c, refusals.notJson);
  await next();
};

// E is spelled out: inference cannot see that the hook needs the agent's context variables.
export const validJson = <T extends z.ZodType>(schema: T) =>
  zValidator<T, 'json', AgentEnv, string, typeof refuseInvalid>('json', schema, refuseInvalid);
export const validQuery = <T extends z.ZodType>(schema: T) =>
  zValidator<T, 'query', AgentEnv, string, typeof refuseInvalid>('query', schema, refuseInvalid);

const MAX_LISTED_ISSUES = 20;

function refuseInvalid(
  result: { success: true } | { success: false; error: z.core.$ZodError; data: unknown },
  c: Context<AgentEnv>,
): Response | undefined {
  if (result.success) return undefined;
  const issues = result.error.issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => describeIssue(issue, result.data));
  const first = issues[0] ?? { path: '', message: { vi: 'dữ liệu không hợp lệ', en: 'invalid input' } };
  const reason: Refusal = {
    status: 400,
    code: 'request.invalid',
    vi: `Dữ liệu gửi lên không hợp lệ: ${first.message.vi}`,
    en: `Invalid request: ${first.message.en}`,
  };
  return refuse(c, reason, { issues });
}

/** Turns a zod issue into a short bilingual sentence naming the field, e.g. «Thiếu “field”.» */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): ApiIssue {
  const path = issue.path.map(String).join('.');
  const name = `“${path || 'body'}”`;
  const say = (vi: string, en: string): ApiIssue => ({ path, message: { vi, en } });
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return say(`Thiếu ${name}.`, `${name} is required.`);
      return say(
        `${name} phải là ${viTypeName(issue.expected)}.`,
        `${name} must be ${enTypeName(issue.expected)}.`,
      );
    case 'too_big':
      return issue.origin === 'string'
        ? say(
            `${name} dài quá ${issue.maximum} ký tự.`,
            `${name} is longer than ${issue.maximum} characters.`,
          )
        : say(`${name} không được lớn hơn ${issue.maximum}.`, `${name} must be at most ${issue.maximum}.`);
    case 'too_small':
      return issue.origin === 'string'
        ? say(
            `${name} phải có ít nhất ${issue.minimum} ký tự.`,
            `${name} needs at least ${issue.minimum} characters.`,
          )
        : say(`${name} không được nhỏ hơn ${issue.minimum}.`, `${name} must be at least ${issue.minimum}.`);
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `“${key}”`).join(', ');
      return say(`Không nhận ra trường ${keys} trong ${name}.`, `Unknown field ${keys} in ${name}.`);
    }
    case 'invalid_key':
      return say(`Tên ${name} không được phép.`, `${name} is not an allowed name: ${issue.message}.`);
    case 'custom': {
      const vi = typeof issue.params?.vi === 'string' ? issue.params.vi : 'không hợp lệ';
      return say(`${name} ${vi}.`, `${name} ${issue.message}.`);
    }
    case 'invalid_format':
      return say(`${name} không đúng định dạng.`, `${name} has the wrong format (${issue.message}).`);
    default:
      return say(`${name} không hợp lệ.`, `${name} is invalid: ${issue.message}.`);
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const VI_TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng JSON',
  record: 'đối tượng JSON',
  array: 'danh sách',
  null: 'null',
};
const EN_TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a JSON object',
  record: 'a JSON object',
  array: 'a list',
  null: 'null',
};
const viTypeName = (expected: string) => VI_TYPE_NAMES[expected] ?? expected;
const enTypeName = (expected: string) => EN_TYPE_NAMES[expected] ?? expected;
