import { randomBytes } from 'node:crypto';
import type { Rng } from './prng';

// Login captcha: one challenge per login form, used once. The text comes from the seeded stream
// so runs repeat; tests read it from the image's data-test-captcha attribute or from
// GET /__test/captcha. EduLens itself must never try to solve it.

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LIFETIME_MS = 10 * 60_000;
const MAX_OPEN = 500;

export interface Challenge {
  /** Also the login form's anti-forgery token. */
  id: string;
  text: string;
  expiresAt: number;
}

export class Captchas {
  readonly #open = new Map<string, Challenge>();
  readonly #rng: Rng;

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  issue(now: number): Challenge {
    const text = Array.from({ length: 5 }, () => this.#rng.pick([...LETTERS])).join('');
    const challenge = { id: randomBytes(12).toString('base64url'), text, expiresAt: now + LIFETIME_MS };
    this.#open.set(challenge.id, challenge);
    // Forget the oldest forms rather than grow without bound.
    for (const id of this.#open.keys()) {
      if (this.#open.size <= MAX_OPEN) break;
      this.#open.delete(id);
    }
    return challenge;
  }

  peek(id: string): Challenge | undefined {
    return this.#open.get(id);
  }

  /** Removes the challenge; undefined when unknown or expired. */
  take(id: string, now: number): Challenge | undefined {
    const challenge = this.#open.get(id);
    this.#open.delete(id);
    return challenge && challenge.expiresAt > now ? challenge : undefined;
  }

  /** A distorted SVG rendering, drawn from the text so the same challenge looks the same. */
  svg(challenge: Challenge): string {
    const glyphs = [...challenge.text].map((char, i) => {
      const code = char.charCodeAt(0);
      const rotate = ((code * 37 + i * 11) % 31) - 15;
      const y = 28 + ((code + i) % 7) - 3;
      return `<text x="${12 + i * 22}" y="${y}" transform="rotate(${rotate} ${20 + i * 22} ${y})">${char}</text>`;
    });
    const lines = [0, 1, 2].map((i) => {
      const code = challenge.text.charCodeAt(i) || 0;
      return `<line x1="0" y1="${(code * 3 + i * 13) % 40}" x2="130" y2="${(code * 7 + i * 5) % 40}"/>`;
    });
    return `<svg xmlns="http://www.w3.org/2000/svg" width="130" height="40" viewBox="0 0 130 40"><rect width="130" height="40" fill="#eef3fb"/><g font-family="Georgia,serif" font-size="24" font-weight="bold" fill="#15428b">${glyphs.join('')}</g><g stroke="#7a9cd3" stroke-width="1.5">${lines.join('')}</g></svg>`;
  }
}
