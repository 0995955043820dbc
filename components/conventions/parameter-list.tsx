import type { ConventionKind } from "@/lib/domain";
import { CONVENTION_PARAMS, type ParamSpec } from "@/lib/validation/convention-params";
import { formatCents, formatPercent } from "@/lib/format";

function show(p: ParamSpec, v: unknown): string {
  if (v === null || v === undefined || v === "") return "non fixé";
  const t = p.type;
  switch (t.t) {
    case "euros": return formatCents(Number(v));
    case "percent": return formatPercent(Number(v), Number(v) * 100 % 1 ? 1 : 0);
    case "int": return t.unit ? `${v} ${t.unit}` : String(v);
    case "select": return t.options.find((o) => o.value === String(v))?.label ?? String(v);
    case "multi": return (Array.isArray(v) ? v : [v]).map((x) => t.options.find((o) => o.value === x)?.label ?? String(x)).join(", ");
    case "text": return String(v);
    case "bool": return v === true ? "oui" : "non";
  }
}

/** GEN-3: the parameters as in force today, grouped as in the text. */
export function ParameterList({ kind, params }: { kind: ConventionKind; params: Record<string, unknown> }) {
  const groups = new Map<string, ParamSpec[]>();
  for (const p of CONVENTION_PARAMS[kind]) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {[...groups].map(([group, specs]) => (
        <div key={group}>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-700">{group}</h3>
          <dl className="mt-1 divide-y divide-slate-100 text-sm">
            {specs.map((p) => (
              <div key={p.key} className="flex justify-between gap-3 py-1">
                <dt className="text-slate-700">{p.label} <span className="font-mono text-xs text-slate-500">{p.rule}</span></dt>
                <dd className="text-right font-medium">{show(p, params[p.key])}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
