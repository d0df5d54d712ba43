import type { Db } from "../../infra/db/prisma";
import { DomainError, notFound } from "../errors";
import { effectiveStatus, type PollDefinition, type PollWindow } from "./definition";

const windowSelect = { status: true, opensAt: true, closesAt: true } as const;

const definitionSelect = {
  id: true,
  slug: true,
  restaurantId: true,
  question: true,
  kind: true,
  changeableUntilClose: true,
  multipleChoice: true,
  maxChoices: true,
  status: true,
  resultsVisibility: true,
  ballotCodes: true,
  presenceRequired: true,
  tableCards: true,
  restaurant: { select: { ownerId: true } },
  options: { select: { id: true }, orderBy: { position: "asc" as const } },
} as const;

/**
 * Poll definitions by id or slug, cached in-process: everything in a definition is fixed once the poll leaves
 * draft, so the vote path reads Postgres once per poll, not once per vote. A draft is read afresh each time: its
 * owner may still edit it, from any process.
 */
export class PollDefinitions {
  private readonly byId = new Map<string, PollDefinition>();
  private readonly idBySlug = new Map<string, string>();
  /**
   * Reads under way, by reference: a room full of phones opening the poll at once (a QR code on the TV) waits for
   * one read, not one each; thousands at once had exhausted the connection pool and failed (issue 18's bench).
   */
  private readonly reading = new Map<string, Promise<PollDefinition>>();

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 10_000,
  ) {}

  async get(ref: { pollId: string } | { slug: string }): Promise<PollDefinition> {
    const cachedId = "pollId" in ref ? ref.pollId : this.idBySlug.get(ref.slug);
    const cached = cachedId ? this.byId.get(cachedId) : undefined;
    if (cached) return cached;
    const key = "pollId" in ref ? `id:${ref.pollId}` : `slug:${ref.slug}`;
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.read(ref).finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  private async read(ref: { pollId: string } | { slug: string }): Promise<PollDefinition> {
    const row = await this.db.poll.findUnique({
      where: "pollId" in ref ? { id: ref.pollId } : { slug: ref.slug },
      select: definitionSelect,
    });
    if (!row) throw notFound("poll");
    const definition: PollDefinition = {
      id: row.id,
      slug: row.slug,
      restaurantId: row.restaurantId,
      ownerId: row.restaurant.ownerId,
      question: row.question,
      kind: row.kind,
      changeableUntilClose: row.changeableUntilClose,
      multipleChoice: row.multipleChoice,
      maxChoices: row.maxChoices,
      optionIds: row.options.map((o) => o.id),
      resultsVisibility: row.resultsVisibility,
      ballotCodes: row.ballotCodes,
      presenceRequired: row.presenceRequired,
      tableCards: row.tableCards,
    };
    if (row.status === "draft") return definition;
    if (this.byId.size >= this.maxEntries) this.clear();
    this.byId.set(definition.id, definition);
    this.idBySlug.set(definition.slug, definition.id);
    return definition;
  }

  private clear(): void {
    this.byId.clear();
    this.idBySlug.clear();
  }
}

/** What anyone with the link may see of a poll: the diner's page and the live screen render from this. */
export async function readPublicPoll(db: Db, poll: PollDefinition, now: Date) {
  const row = await db.poll.findUniqueOrThrow({
    where: { id: poll.id },
    select: {
      ...windowSelect,
      joinCode: true,
      restaurant: { select: { name: true, currency: true } },
      options: {
        select: {
          id: true,
          label: true,
          menuItemId: true,
          menuItem: { select: { nameEn: true, nameKo: true, description: true, priceCents: true, photoUrl: true } },
        },
        orderBy: { position: "asc" },
      },
      promotion: { select: { title: true, discount: true, quantity: true, validUntil: true } },
    },
  });
  return {
    id: poll.id,
    slug: poll.slug,
    /** Typed at /join when the QR code is out of reach. */
    joinCode: row.joinCode,
    question: poll.question,
    kind: poll.kind,
    /** The voter may change their ballot until the poll closes. */
    changeableUntilClose: poll.changeableUntilClose,
    restaurantName: row.restaurant.name,
    /** The currency of the options' menu prices (ISO 4217). */
    currency: row.restaurant.currency,
    multipleChoice: poll.multipleChoice,
    maxChoices: poll.multipleChoice ? poll.maxChoices : 1,
    options: row.options,
    status: effectiveStatus(row, now),
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    resultsVisibility: poll.resultsVisibility,
    requiresBallotCode: poll.ballotCodes !== null,
    /** A vote needs the screen's room code or a table card's code. */
    requiresPresence: poll.presenceRequired && poll.ballotCodes === null,
    promotion: row.promotion && { ...row.promotion, validUntil: row.promotion.validUntil.toISOString() },
  };
}
export type PublicPoll = Awaited<ReturnType<typeof readPublicPoll>>;

/** Whether the poll exists and is the owner's: the check behind every owner-poll procedure (trpc/init.ts). */
export async function assertOwnsPoll(db: Db, ownerId: string, pollId: string): Promise<void> {
  const poll = await db.poll.findUnique({ where: { id: pollId }, select: { restaurant: { select: { ownerId: true } } } });
  if (!poll) throw notFound("poll");
  if (poll.restaurant.ownerId !== ownerId) throw new DomainError("FORBIDDEN", "this poll is not yours");
}

/** The poll's status and schedule as they stand now (they change on close, reopen and extend). */
export async function readPollWindow(db: Db, pollId: string): Promise<PollWindow> {
  return db.poll.findUniqueOrThrow({ where: { id: pollId }, select: windowSelect });
}
