"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { THouseholdInput } from "@/lib/validation/households";
import { Button } from "@/components/ui/button";
import { HouseholdForm } from "../household-form";

/** The owner's edit form, opened on request; a save on a stale version is refused and what was typed stays. */
export function EditHouseholdPanel(props: { org: string; today: string; householdId: string; version: number; initial: THouseholdInput }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const moved = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLDivElement>(null);
  // Keyboard users land on what appeared (the form's title) and, once it closes, back on the button.
  useEffect(() => {
    if (!moved.current) return;
    (open ? heading.current : opener.current?.querySelector("button"))?.focus();
  }, [open]);
  const toggle = (v: boolean) => { moved.current = true; setOpen(v); };
  if (!open) return <div ref={opener}><Button type="button" variant="secondary" onClick={() => toggle(true)}>Modifier le ménage</Button></div>;
  return (
    <section aria-labelledby="modifier-menage" className="w-full">
      <h2 id="modifier-menage" ref={heading} tabIndex={-1} className="mb-3 text-lg font-semibold">Modifier le ménage</h2>
      <HouseholdForm
        org={props.org} today={props.today} initial={props.initial}
        edit={{ householdId: props.householdId, version: props.version, onDone: () => { toggle(false); router.refresh(); }, onCancel: () => toggle(false) }}
      />
    </section>
  );
}
