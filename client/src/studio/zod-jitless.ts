import { config } from 'zod';

// zod probes `new Function` when it builds its first object schema, to compile fast parsers; the
// app's Content-Security-Policy forbids eval, and the browser reports even a caught probe as a
// violation. This module is the studio's first import, so it runs before the engine's schemas are built.
config({ jitless: true });
