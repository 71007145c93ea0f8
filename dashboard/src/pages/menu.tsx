import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ImageIcon, Plus, Star, Trash2 } from "lucide-react";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import type { MessageKey } from "@/lib/messages";
import { useFieldErrors } from "@/lib/forms";
import { api, useCatalog, type Item, type Menu } from "@/lib/session";
import { validateItem, words, type ItemForm } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, Loading, ProblemAlert } from "@/components/ui/feedback";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/form";

const AVAILABILITY = ["available", "out_of_stock", "hidden"] as const;

export function MenuPage({ owner }: { owner: boolean }) {
  const { t, locale } = useI18n();
  const catalog = useCatalog();
  const queries = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [editingMenu, setEditingMenu] = useState<Menu | "new" | null>(null);
  const [editingItem, setEditingItem] = useState<Item | "new" | null>(null);
  const refresh = () => queries.invalidateQueries({ queryKey: ["catalog"] });
  const availability = useMutation({
    mutationFn: ({ item, value }: { item: Item; value: string }) => api.patch(`/api/catalog/items/${item.id}/availability`, { availability: value }),
    onSuccess: refresh,
  });
  if (catalog.isPending) return <Loading />;
  if (catalog.error) return <ProblemAlert error={catalog.error} onRetry={() => catalog.refetch()} />;
  if (!catalog.data) return <EmptyState title={t("settings.noCatalog")} />;
  const { menus, business } = catalog.data;
  const menu = menus.find((m) => m.id === selected) ?? menus[0];
  return (
    <div>
      <PageHeader title={t("menu.title")} actions={owner && <Button variant="secondary" onClick={() => setEditingMenu("new")}><Plus className="h-4 w-4" /> {t("menu.newMenu")}</Button>} />
      {menus.length === 0 && <EmptyState title={t("menu.empty")} action={owner && <Button onClick={() => setEditingMenu("new")}>{t("menu.newMenu")}</Button>} />}
      {menus.length > 0 && menu && (
        <div className="grid gap-4 lg:grid-cols-[14rem_1fr]">
          <nav className="space-y-1">
            {menus.map((m) => (
              <button key={m.id} onClick={() => setSelected(m.id)} className={cn("block w-full rounded-md px-3 py-2 text-start text-sm", m.id === menu.id ? "bg-brand-50 font-medium text-brand-700" : "hover:bg-slate-100")}>
                {m.name} <span className="text-xs text-slate-400">({m.items.length})</span>
              </button>
            ))}
          </nav>
          <Card>
            <CardHeader title={menu.name} description={menu.branchIds.map((id) => catalog.data!.branches.find((b) => b.id === id)?.name).filter(Boolean).join(", ")}
              actions={owner && <>
                <Button variant="secondary" size="sm" onClick={() => setEditingMenu(menu)}>{t("common.edit")}</Button>
                <Button size="sm" onClick={() => setEditingItem("new")}><Plus className="h-4 w-4" /> {t("menu.newItem")}</Button>
              </>} />
            <CardBody>
              {availability.error && <ProblemAlert className="mb-3" error={availability.error} />}
              {menu.items.length === 0 && <EmptyState title={t("menu.noItems")} action={owner && <Button onClick={() => setEditingItem("new")}>{t("menu.newItem")}</Button>} />}
              <ul className="divide-y divide-slate-100">
                {menu.items.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="menu-item">
                    {item.imageUrl ? <img src={item.imageUrl} alt="" className="h-12 w-12 rounded object-cover" /> : <div className="flex h-12 w-12 items-center justify-center rounded bg-slate-100 text-slate-400"><ImageIcon className="h-5 w-5" /></div>}
                    <div className="min-w-0 flex-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{item.name}</span>
                        {item.featured && <Star className="h-3.5 w-3.5 fill-amber-400 text-amber-400" />}
                        {item.allergens.map((a) => <Badge key={a} tone="amber">{a}</Badge>)}
                        {item.optionGroups.length > 0 && <Badge>{item.optionGroups.map((g) => g.name).join(" · ")}</Badge>}
                      </div>
                      {item.description && <p className="truncate text-xs text-slate-500">{item.description}</p>}
                    </div>
                    <span className="w-24 text-end font-medium tabular-nums">{formatMoney(item.price, business.currency, locale)}</span>
                    <Select className="w-36" aria-label={`${t("menu.availability")} ${item.name}`} value={item.availability}
                      onChange={(e) => availability.mutate({ item, value: e.target.value })}>
                      {AVAILABILITY.map((a) => <option key={a} value={a}>{t(`menu.${a}` as MessageKey)}</option>)}
                    </Select>
                    {owner && <Button size="sm" variant="ghost" onClick={() => setEditingItem(item)}>{t("common.edit")}</Button>}
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        </div>
      )}
      {editingMenu && <MenuDialog menu={editingMenu === "new" ? null : editingMenu} onClose={() => setEditingMenu(null)} onSaved={(id) => { setSelected(id); setEditingMenu(null); refresh(); }} />}
      {editingItem && menu && <ItemDialog menuId={menu.id} item={editingItem === "new" ? null : editingItem} onClose={() => setEditingItem(null)} onSaved={() => { setEditingItem(null); refresh(); }} />}
    </div>
  );
}

function MenuDialog({ menu, onClose, onSaved }: { menu: Menu | null; onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useI18n();
  const catalog = useCatalog();
  const branches = catalog.data?.branches ?? [];
  const [name, setName] = useState(menu?.name ?? "");
  const [description, setDescription] = useState(menu?.description ?? "");
  const [branchIds, setBranchIds] = useState<string[]>(menu?.branchIds ?? branches.map((b) => b.id));
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim() || null, shared: branchIds.length > 1, branchIds };
      return menu ? api.put<Menu>(`/api/catalog/menus/${menu.id}`, body) : api.post<Menu>("/api/catalog/menus", body);
    },
    onSuccess: (saved) => onSaved(saved.id),
  });
  const remove = useMutation({ mutationFn: () => api.del(`/api/catalog/menus/${menu!.id}`), onSuccess: () => onSaved("") });
  return (
    <Dialog open onClose={onClose} title={menu ? menu.name : t("menu.newMenu")}
      footer={<>
        {menu && <Button variant="ghost" className="me-auto text-red-700" onClick={() => remove.mutate()}><Trash2 className="h-4 w-4" /> {t("common.delete")}</Button>}
        <Button variant="secondary" onClick={onClose}>{t("common.cancel")}</Button>
        <Button type="submit" form="menu-form" disabled={save.isPending}>{t("common.save")}</Button>
      </>}>
      <form id="menu-form" className="space-y-3" noValidate onSubmit={(e) => { e.preventDefault(); setMissing(!name.trim()); if (name.trim()) save.mutate(); }}>
        {(save.error || remove.error) && <ProblemAlert error={save.error ?? remove.error} />}
        <Field label={t("menu.menuName")} error={missing ? t("valid.required") : undefined}>{(p) => <Input {...p} name="menuName" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t("menu.description")}>{(p) => <Textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("menu.branches")}</legend>
          <div className="flex flex-wrap gap-3">
            {branches.map((b) => (
              <Checkbox key={b.id} label={b.name} checked={branchIds.includes(b.id)} onChange={(e) => setBranchIds(e.target.checked ? [...branchIds, b.id] : branchIds.filter((id) => id !== b.id))} />
            ))}
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}

const money = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : Number(v).toFixed(2));

function ItemDialog({ menuId, item, onClose, onSaved }: { menuId: string; item: Item | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const errors = useFieldErrors();
  const [form, setForm] = useState<ItemForm & { availability: string; featured: boolean }>({
    name: item?.name ?? "", description: item?.description ?? "", price: money(item?.price), cost: money(item?.cost),
    preparationTimeMinutes: item?.preparationTimeMinutes?.toString() ?? "", tags: item?.tags.join(", ") ?? "", allergens: item?.allergens.join(", ") ?? "",
    availability: item?.availability ?? "available", featured: item?.featured ?? false,
    optionGroups: item?.optionGroups.map((g) => ({ name: g.name, kind: g.kind, required: g.required, maxChoices: String(g.maxChoices), options: g.options.map((o) => ({ name: o.name, priceDelta: money(o.priceDelta) })) })) ?? [],
  });
  const [photo, setPhoto] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        menuId, name: form.name.trim(), description: form.description.trim() || null, price: form.price.trim(), cost: form.cost.trim() || null,
        availability: form.availability, featured: form.featured, tags: words(form.tags), allergens: words(form.allergens),
        ingredients: item?.ingredients ?? [], sortOrder: item?.sortOrder ?? 0,
        preparationTimeMinutes: form.preparationTimeMinutes.trim() ? Number(form.preparationTimeMinutes) : null,
        optionGroups: form.optionGroups.map((g, gi) => ({
          id: item?.optionGroups[gi]?.id, name: g.name.trim(), kind: g.kind, required: g.required, minChoices: g.required ? 1 : 0, maxChoices: Number(g.maxChoices || 1),
          options: g.options.map((o, oi) => ({ id: item?.optionGroups[gi]?.options[oi]?.id, name: o.name.trim(), priceDelta: o.priceDelta.trim() || "0", available: true })),
        })),
      };
      const saved = item ? await api.put<Item>(`/api/catalog/items/${item.id}`, body) : await api.post<Item>("/api/catalog/items", body);
      if (photo) {
        const data = new FormData();
        data.append("file", photo);
        await api.upload(`/api/catalog/items/${saved.id}/image`, data);
      }
      return saved;
    },
    onSuccess: onSaved,
    onError: (e) => errors.fromError(e, t),
  });
  const remove = useMutation({ mutationFn: () => api.del(`/api/catalog/items/${item!.id}`), onSuccess: onSaved });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const groups = form.optionGroups;
  const setGroups = (g: typeof groups) => setForm({ ...form, optionGroups: g });
  return (
    <Dialog open onClose={onClose} title={item ? item.name : t("menu.newItem")}
      footer={<>
        {item && <Button variant="ghost" className="me-auto text-red-700" onClick={() => remove.mutate()}><Trash2 className="h-4 w-4" /> {t("common.delete")}</Button>}
        <Button variant="secondary" onClick={onClose}>{t("common.cancel")}</Button>
        <Button type="submit" form="item-form" disabled={save.isPending}>{save.isPending ? t("common.saving") : t("common.save")}</Button>
      </>}>
      <form id="item-form" className="grid grid-cols-2 gap-3" noValidate onSubmit={(e) => { e.preventDefault(); if (errors.setClient(validateItem(form))) save.mutate(); }}>
        {(save.error || remove.error) && <ProblemAlert className="col-span-2" error={save.error ?? remove.error} />}
        <Field className="col-span-2" label={t("menu.itemName")} error={errors.error("name", t)}>{(p) => <Input {...p} name="itemName" value={form.name} onChange={set("name")} />}</Field>
        <Field className="col-span-2" label={t("menu.description")} error={errors.error("description", t)}>{(p) => <Textarea {...p} value={form.description} onChange={set("description")} />}</Field>
        <Field label={t("menu.price")} error={errors.error("price", t)}>{(p) => <Input {...p} name="price" inputMode="decimal" value={form.price} onChange={set("price")} />}</Field>
        <Field label={t("menu.cost")} error={errors.error("cost", t)}>{(p) => <Input {...p} inputMode="decimal" value={form.cost} onChange={set("cost")} />}</Field>
        <Field label={t("menu.availability")}>{(p) => <Select {...p} value={form.availability} onChange={set("availability")}>{AVAILABILITY.map((a) => <option key={a} value={a}>{t(`menu.${a}` as MessageKey)}</option>)}</Select>}</Field>
        <Field label={t("menu.prepTime")} error={errors.error("preparationTimeMinutes", t)}>{(p) => <Input {...p} type="number" min={0} max={600} value={form.preparationTimeMinutes} onChange={set("preparationTimeMinutes")} />}</Field>
        <Field label={t("menu.allergens")} error={errors.error("allergens", t)}>{(p) => <Input {...p} value={form.allergens} onChange={set("allergens")} />}</Field>
        <Field label={t("menu.tags")} error={errors.error("tags", t)}>{(p) => <Input {...p} value={form.tags} onChange={set("tags")} />}</Field>
        <Checkbox label={t("menu.featured")} checked={form.featured} onChange={(e) => setForm({ ...form, featured: e.target.checked })} />
        <Field label={t("menu.photo")}>{(p) => <Input {...p} type="file" accept="image/jpeg,image/png,image/webp" className="py-1.5" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />}</Field>
        <fieldset className="col-span-2 space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("menu.options")}</legend>
          {groups.map((g, gi) => (
            <div key={gi} className="space-y-2 rounded-md border border-slate-200 p-3">
              <div className="grid grid-cols-[1fr_8rem_6rem_auto] items-end gap-2">
                <Field label={t("menu.groupName")} error={errors.error(`optionGroups[${gi}].name`, t)}>{(p) => <Input {...p} value={g.name} onChange={(e) => setGroups(groups.map((x, j) => (j === gi ? { ...x, name: e.target.value } : x)))} />}</Field>
                <Field label={t("menu.kind")}>{(p) => <Select {...p} value={g.kind} onChange={(e) => setGroups(groups.map((x, j) => (j === gi ? { ...x, kind: e.target.value } : x)))}>{["size", "addon", "extra", "other"].map((k) => <option key={k} value={k}>{t(`menu.kind.${k}` as MessageKey)}</option>)}</Select>}</Field>
                <Field label={t("menu.maxChoices")} error={errors.error(`optionGroups[${gi}].maxChoices`, t)}>{(p) => <Input {...p} type="number" min={1} value={g.maxChoices} onChange={(e) => setGroups(groups.map((x, j) => (j === gi ? { ...x, maxChoices: e.target.value } : x)))} />}</Field>
                <Button variant="ghost" size="icon" aria-label={t("common.delete")} onClick={() => setGroups(groups.filter((_, j) => j !== gi))}><Trash2 className="h-4 w-4" /></Button>
              </div>
              <Checkbox label={t("menu.required")} checked={g.required} onChange={(e) => setGroups(groups.map((x, j) => (j === gi ? { ...x, required: e.target.checked } : x)))} />
              {errors.error(`optionGroups[${gi}].options`, t) && <p className="text-xs text-red-600">{errors.error(`optionGroups[${gi}].options`, t)}</p>}
              {g.options.map((o, oi) => (
                <div key={oi} className="grid grid-cols-[1fr_8rem_auto] items-start gap-2">
                  <Input aria-label={t("menu.optionName")} placeholder={t("menu.optionName")} value={o.name} aria-invalid={!!errors.error(`optionGroups[${gi}].options[${oi}].name`, t)}
                    onChange={(e) => setGroups(groups.map((x, j) => (j === gi ? { ...x, options: x.options.map((y, k) => (k === oi ? { ...y, name: e.target.value } : y)) } : x)))} />
                  <Input aria-label={t("menu.priceDelta")} placeholder={t("menu.priceDelta")} inputMode="decimal" value={o.priceDelta} aria-invalid={!!errors.error(`optionGroups[${gi}].options[${oi}].priceDelta`, t)}
                    onChange={(e) => setGroups(groups.map((x, j) => (j === gi ? { ...x, options: x.options.map((y, k) => (k === oi ? { ...y, priceDelta: e.target.value } : y)) } : x)))} />
                  <Button variant="ghost" size="icon" aria-label={t("common.delete")} onClick={() => setGroups(groups.map((x, j) => (j === gi ? { ...x, options: x.options.filter((_, k) => k !== oi) } : x)))}><Trash2 className="h-4 w-4" /></Button>
                </div>
              ))}
              <Button size="sm" variant="ghost" onClick={() => setGroups(groups.map((x, j) => (j === gi ? { ...x, options: [...x.options, { name: "", priceDelta: "" }] } : x)))}><Plus className="h-4 w-4" /> {t("menu.addOption")}</Button>
            </div>
          ))}
          <Button size="sm" variant="secondary" onClick={() => setGroups([...groups, { name: "", kind: "size", required: false, maxChoices: "1", options: [{ name: "", priceDelta: "" }] }])}><Plus className="h-4 w-4" /> {t("menu.addGroup")}</Button>
        </fieldset>
      </form>
    </Dialog>
  );
}
