import { randomUUID } from "node:crypto";
import { PollDefinitions } from "../../../server/domain/polls/data";
import type { PollDefinition } from "../../../server/domain/polls/definition";
import type { Db } from "../../../server/infra/db/prisma";

/** An open poll written straight to Postgres, for tests of the flusher and snapshots below the API. */
export async function insertOpenPoll(db: Db, promotion?: { quantity: number }): Promise<PollDefinition> {
  const owner = await db.owner.create({
    data: {
      email: `owner-${randomUUID()}@example.com`,
      name: "Owner",
      passwordHash: "not a real hash",
      restaurants: {
        create: {
          name: "Test Bistro",
          polls: {
            create: {
              slug: randomUUID(),
              question: "Which dish?",
              status: "open",
              options: { create: ["Bibimbap", "Bulgogi", "Japchae"].map((label, position) => ({ label, position })) },
              ...(promotion && {
                promotion: {
                  create: {
                    title: "Free dessert",
                    discount: "1 hotteok",
                    quantity: promotion.quantity,
                    remaining: promotion.quantity,
                    validUntil: new Date(Date.now() + 86_400_000),
                  },
                },
              }),
            },
          },
        },
      },
    },
    select: { restaurants: { select: { polls: { select: { id: true } } } } },
  });
  return new PollDefinitions(db).get({ pollId: owner.restaurants[0].polls[0].id });
}
