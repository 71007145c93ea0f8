import { useEffect, useRef, useState } from "react";

export type StreamState = "connecting" | "open" | "closed";

/**
 * Listens to one of the services' SSE streams through the gateway (same origin, so the session
 * cookie goes along). EventSource reconnects by itself; after an error the page refetches, since
 * events sent while disconnected are not replayed.
 */
export function useEventStream(
  url: string | null,
  handlers: Record<string, (data: unknown) => void>,
  onReconnect?: () => void,
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const reconnectRef = useRef(onReconnect);
  reconnectRef.current = onReconnect;

  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    const source = new EventSource(url, { withCredentials: true });
    let hadError = false;
    source.onopen = () => {
      setState("open");
      if (hadError) reconnectRef.current?.();
      hadError = false;
    };
    source.onerror = () => {
      hadError = true;
      setState(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    };
    const listeners = Object.keys(handlersRef.current).map((name) => {
      const listener = (e: MessageEvent) => {
        let data: unknown = e.data;
        try {
          data = JSON.parse(e.data);
        } catch {
          // not JSON: hand the text over
        }
        handlersRef.current[name]?.(data);
      };
      source.addEventListener(name, listener as EventListener);
      return [name, listener] as const;
    });
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener as EventListener);
      source.close();
    };
  }, [url]);

  return state;
}
