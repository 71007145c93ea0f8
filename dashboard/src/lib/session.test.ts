import { describe, expect, it } from "vitest";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { forgetSession, type Me } from "./session";

const nour: Me = {
  user: { id: "u1", email: "nour@chez-nour.example", name: "Nour", totpEnabled: false },
  tenantId: "t1", businessName: "Chez Nour", role: "owner", memberships: [],
};
const marco: Me = { ...nour, user: { ...nour.user, id: "u2", email: "marco@aurora.example" }, tenantId: "t2", businessName: "Trattoria Aurora" };

describe("signing out and in", () => {
  function signedIn() {
    const queries = new QueryClient();
    queries.setQueryData(["me"], nour);
    queries.setQueryData(["catalog"], { business: { name: "Chez Nour" } });
    queries.setQueryData(["orders", "t1"], [{ reference: "A-1" }]);
    // The app's mounted "me" query, as useMe() holds it.
    const seen: (Me | null | undefined)[] = [];
    const observer = new QueryObserver<Me | null>(queries, { queryKey: ["me"], queryFn: async () => null, staleTime: Infinity });
    const stop = observer.subscribe((result) => seen.push(result.data));
    return { queries, observer, seen, stop };
  }

  it("tells the mounted app nobody is signed in and forgets the business's data", () => {
    const { queries, observer, seen, stop } = signedIn();
    forgetSession(queries);
    expect(observer.getCurrentResult().data).toBeNull();
    expect(seen.at(-1)).toBeNull();
    expect(queries.getQueryData(["catalog"])).toBeUndefined();
    expect(queries.getQueryData(["orders", "t1"])).toBeUndefined();
    stop();
  });

  it("shows the next person only their own business", () => {
    const { queries, observer, stop } = signedIn();
    forgetSession(queries, marco);
    expect(observer.getCurrentResult().data?.businessName).toBe("Trattoria Aurora");
    expect(queries.getQueryData(["catalog"])).toBeUndefined();
    stop();
  });
});
