// Types of scripts/audit.mjs for its test.
export interface Acceptance {
  advisory: string;
  why: string;
  until: string;
}
export function verdict(
  report: unknown,
  allow: Acceptance[],
  today: string,
): { blocking: string[] } | { unreachable: string };
