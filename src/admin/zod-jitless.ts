// The console's first import. zod 4 probes `new Function("")` when it builds its first object schema (to compile
// faster parsers); under the console's CSP (script-src 'self', no 'unsafe-eval') the probe is refused and the
// browser reports a Content-Security-Policy violation on every page, which would hide a real one (e2e/xss). The
// interpreted parser is used instead.
import { z } from 'zod';

z.config({ jitless: true });
