import { type Kysely, sql, type Transaction } from 'kysely';
import { type SelfEnergy, type SelfEnergyQuality, selfEnergyQualities } from '../../../../shared/domain/self';
import { LadderError } from '../../../../shared/errors';
import type { Database, SelfEnergyRow } from '../../db/schema';
import { newId } from '../../ids';

/**
 * What hangs off an entry besides its text: the parts that showed up, its tags, and its
 * Self-energy check. Reads take a whole page of entries at once (never one query per entry);
 * writes run inside the caller's transaction and skip anything that did not change.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface EntryLinks {
  partIds: string[];
  tags: string[];
}

/** The parts and tags of each entry, in the order they were named. */
export async function loadLinks(db: Db, entryIds: readonly string[]): Promise<Map<string, EntryLinks>> {
  const links = new Map<string, EntryLinks>(entryIds.map((id) => [id, { partIds: [], tags: [] }]));
  if (entryIds.length === 0) return links;
  const ids = [...entryIds];
  const parts = await db
    .selectFrom('entry_part')
    .innerJoin('part', 'part.id', 'entry_part.part_id')
    .select(['entry_part.entry_id', 'entry_part.part_id'])
    .where('entry_part.entry_id', 'in', ids)
    .where('entry_part.deleted_at', 'is', null)
    .where('part.deleted_at', 'is', null)
    .orderBy('entry_part.entry_id')
    .orderBy('entry_part.position')
    .execute();
  for (const row of parts) links.get(row.entry_id)?.partIds.push(row.part_id);
  const tags = await db
    .selectFrom('entry_tag')
    .innerJoin('tag', 'tag.id', 'entry_tag.tag_id')
    .select(['entry_tag.entry_id', 'tag.name'])
    .where('entry_tag.entry_id', 'in', ids)
    .where('entry_tag.deleted_at', 'is', null)
    .where('tag.deleted_at', 'is', null)
    .orderBy('entry_tag.entry_id')
    .orderBy('entry_tag.position')
    .execute();
  for (const row of tags) links.get(row.entry_id)?.tags.push(row.name);
  return links;
}

export function toSelfEnergy(row: Pick<SelfEnergyRow, SelfEnergyQuality>): SelfEnergy {
  const check: SelfEnergy = {};
  for (const quality of selfEnergyQualities) {
    const value = row[quality];
    if (value !== null) check[quality] = value;
  }
  return check;
}

export async function loadSelfEnergy(db: Db, entryId: string): Promise<SelfEnergy | null> {
  const row = await db.selectFrom('self_energy').selectAll().where('entry_id', '=', entryId).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? toSelfEnergy(row) : null;
}

/** The same ids, each once, in their first order. */
function unique(values: readonly string[]) {
  return [...new Set(values)];
}

/** Checks that every part named is a live part; the error names the first unknown one. */
export async function checkParts(db: Db, partIds: readonly string[], field = 'partIds'): Promise<string[]> {
  const ids = unique(partIds);
  if (ids.length === 0) return ids;
  const found = new Set(
    (await db.selectFrom('part').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute()).map((row) => row.id),
  );
  const missing = partIds.findIndex((id) => !found.has(id));
  if (missing !== -1) throw new LadderError('not_found', 'That part does not exist or was deleted.', `${field}.${missing}`);
  return ids;
}

export async function checkPrompt(db: Db, promptId: string | null, field = 'promptId') {
  if (promptId === null) return;
  const row = await db.selectFrom('prompt').select('id').where('id', '=', promptId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That prompt does not exist or was deleted.', field);
}

/** Tags as they will be kept: trimmed, inner spaces folded, each once whatever its case. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags) {
    const name = tag.trim().replace(/\s+/g, ' ');
    const key = name.toLocaleLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept;
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Makes the entry's parts exactly `partIds` (already checked), in that order. */
export async function setParts(trx: Transaction<Database>, entryId: string, partIds: readonly string[], now: string) {
  const current = (await loadLinks(trx, [entryId])).get(entryId)?.partIds ?? [];
  if (sameList(current, partIds)) return;
  let removed = trx.updateTable('entry_part').set({ deleted_at: now, updated_at: now }).where('entry_id', '=', entryId).where('deleted_at', 'is', null);
  if (partIds.length > 0) removed = removed.where('part_id', 'not in', [...partIds]);
  await removed.execute();
  for (const [position, partId] of partIds.entries()) {
    await trx
      .insertInto('entry_part')
      .values({ entry_id: entryId, part_id: partId, position, created_at: now, updated_at: now, deleted_at: null })
      .onConflict((oc) => oc.columns(['entry_id', 'part_id']).doUpdateSet({ position, deleted_at: null, updated_at: now }))
      .execute();
  }
}

/** Makes the entry's tags exactly `tags` (normalised), creating tags that are new. */
export async function setTags(trx: Transaction<Database>, entryId: string, tags: readonly string[], now: string) {
  const names = normaliseTags(tags);
  const current = (await loadLinks(trx, [entryId])).get(entryId)?.tags ?? [];
  if (sameList(current, names)) return;
  const tagIds: string[] = [];
  for (const name of names) {
    const existing = await trx
      .selectFrom('tag')
      .select('id')
      .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) {
      tagIds.push(existing.id);
      continue;
    }
    const id = newId(Date.parse(now));
    await trx.insertInto('tag').values({ id, name, created_at: now, updated_at: now, deleted_at: null }).execute();
    tagIds.push(id);
  }
  let removed = trx.updateTable('entry_tag').set({ deleted_at: now, updated_at: now }).where('entry_id', '=', entryId).where('deleted_at', 'is', null);
  if (tagIds.length > 0) removed = removed.where('tag_id', 'not in', tagIds);
  await removed.execute();
  for (const [position, tagId] of tagIds.entries()) {
    await trx
      .insertInto('entry_tag')
      .values({ entry_id: entryId, tag_id: tagId, position, created_at: now, updated_at: now, deleted_at: null })
      .onConflict((oc) => oc.columns(['entry_id', 'tag_id']).doUpdateSet({ position, deleted_at: null, updated_at: now }))
      .execute();
  }
}

/** Attaches, changes or (with null or an empty check) removes the entry's Self-energy check. */
export async function setSelfEnergy(trx: Transaction<Database>, entryId: string, check: SelfEnergy | null, now: string) {
  const current = await trx.selectFrom('self_energy').selectAll().where('entry_id', '=', entryId).executeTakeFirst();
  const empty = check === null || selfEnergyQualities.every((q) => check[q] === undefined);
  if (empty) {
    if (current && current.deleted_at === null) {
      await trx.updateTable('self_energy').set({ deleted_at: now, updated_at: now }).where('id', '=', current.id).execute();
    }
    return;
  }
  const values = Object.fromEntries(selfEnergyQualities.map((q) => [q, check[q] ?? null])) as Record<SelfEnergyQuality, number | null>;
  if (!current) {
    await trx
      .insertInto('self_energy')
      .values({ id: newId(Date.parse(now)), entry_id: entryId, ...values, created_at: now, updated_at: now, deleted_at: null })
      .execute();
    return;
  }
  const unchanged = current.deleted_at === null && selfEnergyQualities.every((q) => current[q] === values[q]);
  if (unchanged) return;
  await trx
    .updateTable('self_energy')
    .set({ ...values, deleted_at: null, updated_at: now })
    .where('id', '=', current.id)
    .execute();
}
