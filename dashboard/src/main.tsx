import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter } from "react-router";
import { ApiError } from "./lib/api";
import { I18nProvider } from "./lib/I18nProvider";
import { Toaster } from "./components/ui/toast";
import { App } from "./App";
import "./index.css";

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors will not fix themselves; a service restarting (5xx, network) might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <I18nProvider>
        <Toaster>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </Toaster>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
