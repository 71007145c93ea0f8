import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { X } from "lucide-react";
import { cn } from "@/lib/cn";

interface Toast {
  id: number;
  text: ReactNode;
  tone: "info" | "success" | "error";
}

const ToastContext = createContext<(text: ReactNode, tone?: Toast["tone"]) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

let next = 1;

export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = (id: number) => setToasts((all) => all.filter((t) => t.id !== id));
  const show = useCallback((text: ReactNode, tone: Toast["tone"] = "info") => {
    const id = next++;
    setToasts((all) => [...all.slice(-3), { id, text, tone }]);
    setTimeout(() => dismiss(id), 8000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed bottom-4 end-4 z-50 flex w-80 flex-col gap-2">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            data-testid="toast"
            className={cn(
              "pointer-events-auto flex items-start gap-2 rounded-md border px-4 py-3 text-sm shadow-lg",
              toast.tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-900",
              toast.tone === "error" && "border-red-200 bg-red-50 text-red-900",
              toast.tone === "info" && "border-slate-200 bg-white text-slate-900",
            )}
          >
            <div className="flex-1">{toast.text}</div>
            <button className="text-slate-400 hover:text-slate-700" onClick={() => dismiss(toast.id)} aria-label="×">
              <X className="h-4 w-4" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
