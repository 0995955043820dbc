#!/usr/bin/env node
// npm run rules:check — every rule id of DOMAIN.md §2–§7 must appear in a test name
// (it / test / describe, not a comment) or be listed in docs/rules-deferred.md with the issue
// that will cover it. Exit 1, listing the missing ids, otherwise print a summary.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ID = /\b(?:GEN|REL|RES|AVD|ASL|CAD)-\d+[a-z]?\b/g;

function fail(message) {
  console.error(`rules:check — ${message}`);
  process.exit(1);
}

function findDomain() {
  const candidates = [resolve(root, "../shared/DOMAIN.md")];
  if (process.env.SHARED_DIR) candidates.push(resolve(process.env.SHARED_DIR, "DOMAIN.md"));
  const found = candidates.find((p) => existsSync(p));
  if (!found) fail(`DOMAIN.md not found (looked in ${candidates.join(", ")}; set SHARED_DIR to the shared folder).`);
  return found;
}

/** Rule ids defined (bold, `**RES-4b**`) in sections 2 to 7 of DOMAIN.md, in order. */
function domainIds(text) {
  const ids = [];
  let section = 0;
  for (const line of text.split(/\r?\n/)) {
    const heading = /^##\s+(\d+)\./.exec(line);
    if (heading) section = Number(heading[1]);
    if (section < 2 || section > 7) continue;
    for (const m of line.matchAll(/\*\*((?:GEN|REL|RES|AVD|ASL|CAD)-\d+[a-z]?)\*\*/g)) {
      if (!ids.includes(m[1])) ids.push(m[1]);
    }
  }
  return ids;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * Blanks out comments (keeping line breaks) so that only code remains, and returns beside it a
 * mask where string and template contents are blanked too: calls are looked for in the mask (a
 * string that merely contains "it(" is no test), names are read from the code at the same index.
 */
function scanSource(src) {
  let code = "";
  let mask = "";
  const emit = (text, masked) => {
    code += text;
    mask += masked ? text.replace(/[^\n]/g, " ") : text;
  };
  let i = 0;
  const stack = []; // open template literals, and braces inside `${…}`
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (stack.length > 0 && stack[stack.length - 1] === "`") {
      if (c === "\\") { emit(c + (next ?? ""), true); i += 2; continue; }
      if (c === "`") { stack.pop(); emit(c, false); i += 1; continue; }
      if (c === "$" && next === "{") { stack.push("{"); emit("${", false); i += 2; continue; }
      emit(c, true); i += 1; continue;
    }
    if (c === "/" && next === "/") {
      let j = i;
      while (j < src.length && src[j] !== "\n") j += 1;
      code += " ".repeat(j - i);
      mask += " ".repeat(j - i);
      i = j;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end === -1 ? src.length : end + 2;
      const blank = src.slice(i, stop).replace(/[^\n]/g, " ");
      code += blank;
      mask += blank;
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== "\n") j += src[j] === "\\" ? 2 : 1;
      emit(c, false);
      emit(src.slice(i + 1, j), true);
      emit(src.slice(j, j + 1), false);
      i = j + 1;
      continue;
    }
    if (c === "`") { stack.push("`"); emit(c, false); i += 1; continue; }
    if (c === "{" && stack.length > 0) stack.push("{");
    else if (c === "}" && stack.length > 0) stack.pop();
    emit(c, false);
    i += 1;
  }
  return { code, mask };
}

function skipSpaces(s, i) {
  while (i < s.length && /\s/.test(s[i])) i += 1;
  return i;
}

/** Index just after the parenthesis closing the one at `i` (strings are skipped). */
function skipBalanced(s, i) {
  let depth = 0;
  for (; i < s.length; i += 1) {
    const c = s[i];
    if (c === "'" || c === '"' || c === "`") {
      const q = c;
      i += 1;
      while (i < s.length && s[i] !== q) i += s[i] === "\\" ? 2 : 1;
    } else if (c === "(" || c === "[" || c === "{") depth += 1;
    else if (c === ")" || c === "]" || c === "}") {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return s.length;
}

/** The string literal starting at `i`, or null. */
function readString(s, i) {
  const q = s[i];
  if (q !== "'" && q !== '"' && q !== "`") return null;
  let j = i + 1;
  let value = "";
  while (j < s.length && s[j] !== q) {
    if (s[j] === "\\") { value += s[j + 1] ?? ""; j += 2; continue; }
    value += s[j];
    j += 1;
  }
  return value;
}

const SKIPPED = new Set(["skip", "todo", "skipIf"]);

/** Names given to it(), test() and describe() (with .only/.each/… but not .skip/.todo). */
function testNames({ code, mask }) {
  const names = [];
  const call = /(?<![.\w$])(it|test|describe)\b/g;
  for (let m = call.exec(mask); m !== null; m = call.exec(mask)) {
    let i = m.index + m[1].length;
    let skipped = false;
    for (;;) {
      i = skipSpaces(code, i);
      const mod = /^\.\s*(\w+)/.exec(code.slice(i, i + 40));
      if (!mod) break;
      if (SKIPPED.has(mod[1])) skipped = true;
      i += mod[0].length;
      i = skipSpaces(code, i);
      // .each(table) / .for(table) / .runIf(cond): a call before the one that names the test.
      if (code[i] === "(" && mod[1] !== "only" && mod[1] !== "concurrent" && mod[1] !== "sequential" && mod[1] !== "fails") {
        i = skipBalanced(code, i);
      }
    }
    i = skipSpaces(code, i);
    if (skipped || code[i] !== "(") continue;
    const name = readString(code, skipSpaces(code, i + 1));
    if (name !== null) names.push(name);
  }
  return names;
}

/** docs/rules-deferred.md: each list item or table row naming rule ids and "issue N" defers them to that issue. */
function deferredIds(path) {
  const deferred = new Map();
  if (!existsSync(path)) return deferred;
  const problems = [];
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const ids = line.match(ID);
    if (!ids || !/^\s*([-*|]|\d+\.)\s/.test(line)) continue; // prose and headings are not entries
    const issue = /issue\s*#?\s*(\d+)/i.exec(line) ?? /#(\d+)/.exec(line);
    if (!issue) problems.push(line.trim());
    else for (const id of ids) deferred.set(id, Number(issue[1]));
  }
  if (problems.length > 0) fail(`docs/rules-deferred.md: these lines name no issue number:\n  ${problems.join("\n  ")}`);
  return deferred;
}

const domainPath = findDomain();
const ids = domainIds(readFileSync(domainPath, "utf8"));
if (ids.length === 0) fail(`no rule id found in §2–§7 of ${domainPath}.`);

const covered = new Map(); // id → number of test names citing it
const unknown = new Set();
const files = listFiles(join(root, "tests"));
for (const file of files) {
  for (const name of testNames(scanSource(readFileSync(file, "utf8")))) {
    for (const id of name.match(ID) ?? []) {
      if (ids.includes(id)) covered.set(id, (covered.get(id) ?? 0) + 1);
      else unknown.add(`${id} (${relative(root, file)})`);
    }
  }
}

const deferred = deferredIds(join(root, "docs/rules-deferred.md"));
const coveredIds = ids.filter((id) => covered.has(id));
const deferredOnly = ids.filter((id) => !covered.has(id) && deferred.has(id));
const missing = ids.filter((id) => !covered.has(id) && !deferred.has(id));
const coveredAnyway = ids.filter((id) => covered.has(id) && deferred.has(id));

console.log(`rules:check — ${ids.length} rule ids in DOMAIN.md §2–§7 (${relative(root, domainPath)}), ${files.length} files under tests/ scanned`);
console.log(`  ${coveredIds.length} covered by test names`);
console.log(`  ${deferredOnly.length} deferred${deferredOnly.length ? ": " + deferredOnly.map((id) => `${id} → issue ${deferred.get(id)}`).join(", ") : ""}`);
if (coveredAnyway.length) console.log(`  listed as deferred but already covered (can leave the list): ${coveredAnyway.join(", ")}`);
if (unknown.size) console.log(`  warning: ids in test names that DOMAIN.md §2–§7 does not define: ${[...unknown].join(", ")}`);
const extra = [...deferred.keys()].filter((id) => !ids.includes(id));
if (extra.length) console.log(`  warning: deferred ids that DOMAIN.md §2–§7 does not define: ${extra.join(", ")}`);
if (missing.length) {
  fail(`${missing.length} rule id(s) appear in no test name and are not deferred in docs/rules-deferred.md:\n  ${missing.join(", ")}\nName a test after each (e.g. it("${missing[0]}: …")) or defer it with the issue that will cover it.`);
}
console.log("rules:check — OK");
