// Lets a plain Node script (the seed) load lib/server modules, which are marked "server-only":
// outside React Server Components that marker package throws on import. Only scripts use this hook.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
