// robots.txt (RFC 9309): the group for our agent, else `*`; the longest matching Allow/Disallow wins, Allow on a tie.

export interface RobotsRules {
  rules: { allow: boolean; pattern: string }[];
  crawlDelaySec?: number;
}

export function parseRobots(text: string, agent = 'gongkai'): RobotsRules {
  const groups: { agents: string[]; rules: RobotsRules['rules']; delay?: number }[] = [];
  let current: (typeof groups)[number] | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || !current) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      if (value) current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay' && Number.isFinite(Number(value))) current.delay = Number(value);
  }
  const a = agent.toLowerCase();
  const mine = groups.filter((g) => g.agents.some((x) => x !== '*' && a.includes(x)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.find((g) => g.delay !== undefined)?.delay;
  return delay === undefined ? { rules } : { rules, crawlDelaySec: delay };
}

function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp(
    `^${body
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}${anchored ? '$' : ''}`,
  );
  return re.test(path) ? body.length : -1;
}

/** `pathAndQuery` is the URL's path plus its query string. */
export function robotsAllows(r: RobotsRules, pathAndQuery: string): boolean {
  let best = -1;
  let allow = true;
  for (const rule of r.rules) {
    const n = matchLength(rule.pattern, pathAndQuery);
    if (n > best || (n === best && n >= 0 && rule.allow)) {
      best = n;
      allow = rule.allow;
    }
  }
  return allow;
}
