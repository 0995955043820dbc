import { RULE_EXPLANATIONS } from "@/lib/rules-fr";

/** A rule id whose French explanation shows on hover and on keyboard focus (RGAA 10.13). */
export function RuleBadge({ rule, id }: { rule: string; id: string }) {
  const text = RULE_EXPLANATIONS[rule];
  if (!text) return <span className="font-mono text-xs text-slate-500">{rule}</span>;
  return (
    <span className="group relative inline-block">
      <span tabIndex={0} aria-describedby={id} className="cursor-help font-mono text-xs text-slate-600 underline decoration-dotted">{rule}</span>
      <span role="tooltip" id={id} className="invisible absolute left-0 top-5 z-30 w-72 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal text-white shadow-lg group-focus-within:visible group-hover:visible">
        {text}
      </span>
    </span>
  );
}
