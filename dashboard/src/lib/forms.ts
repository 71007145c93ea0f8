import { useState } from "react";
import type { MessageKey } from "./messages";
import type { Translate } from "./i18n";
import { explainProblem } from "./problems";

type Rule = { key: MessageKey; vars?: Record<string, string | number> };

/** The form's field errors: the client's own checks first, then whatever the API said about each field. */
export function useFieldErrors() {
  const [client, setClient] = useState<Record<string, Rule | undefined>>({});
  const [server, setServer] = useState<Record<string, string>>({});
  return {
    setClient: (p: Record<string, Rule | undefined>) => {
      setClient(p);
      setServer({});
      return Object.values(p).every((v) => !v);
    },
    fromError: (error: unknown, t: Translate) => setServer(explainProblem(error, t).fields),
    error: (field: string, t: Translate): string | undefined => {
      const rule = client[field];
      return rule ? t(rule.key, rule.vars) : server[field];
    },
    reset: () => {
      setClient({});
      setServer({});
    },
  };
}
