import type { Db } from "../../infra/db/prisma";

/** The owner's view of the counter: staff (invited, active, revoked), enrolled devices, and the latest redemptions with who and where. */
export async function readCounterRoster(db: Db, restaurantId: string) {
  const [staff, devices, redemptions] = await Promise.all([
    db.staffMember.findMany({
      where: { restaurantId },
      select: { id: true, name: true, pinHash: true, inviteExpiresAt: true, revokedAt: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.counterDevice.findMany({ where: { restaurantId }, select: { id: true, name: true, createdAt: true, revokedAt: true }, orderBy: { createdAt: "asc" } }),
    db.couponRedemption.findMany({
      where: { coupon: { poll: { restaurantId } } },
      select: { redeemedAt: true, undoneAt: true, staffId: true, counterDeviceId: true, coupon: { select: { code: true, promotion: { select: { title: true } } } } },
      orderBy: { redeemedAt: "desc" },
      take: 100,
    }),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const deviceName = new Map(devices.map((d) => [d.id, d.name]));
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.revokedAt ? ("revoked" as const) : s.pinHash ? ("active" as const) : ("invited" as const),
    })),
    devices: devices.map((d) => ({ id: d.id, name: d.name, enrolledAt: d.createdAt.toISOString(), revokedAt: iso(d.revokedAt) })),
    redemptions: redemptions.map((r) => ({
      code: r.coupon.code,
      title: r.coupon.promotion.title,
      redeemedAt: r.redeemedAt.toISOString(),
      undoneAt: iso(r.undoneAt),
      /** Null: the owner redeemed it, signed in. */
      staff: r.staffId ? (staffName.get(r.staffId) ?? null) : null,
      device: r.counterDeviceId ? (deviceName.get(r.counterDeviceId) ?? null) : null,
    })),
  };
}
