"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { LIMITS } from "@/lib/limits";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_trpc/react";
import { Field } from "../../../_ui/Field";
import { Notice } from "../../../_ui/Notice";
import { useRestaurant } from "../../_components/useRestaurant";

/**
 * Staff at the counter (docs/adr/0027): invite a staff member (a link to send them), make this device a counter
 * tablet, revoke either at once, and the audit trail of redemptions: who, when, on which device, which coupon.
 */
export function StaffManager() {
  const { t, locale } = useI18n();
  const { timeZone } = useRestaurant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roster = useQuery(trpc.staff.roster.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.staff.roster.queryFilter());
  const invite = useMutation(trpc.staff.invite.mutationOptions({ onSuccess: refresh }));
  const enrol = useMutation(trpc.staff.enrolThisDevice.mutationOptions({ onSuccess: refresh }));
  const revokeStaff = useMutation(trpc.staff.revokeStaff.mutationOptions({ onSuccess: refresh }));
  const revokeDevice = useMutation(trpc.staff.revokeDevice.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [deviceName, setDeviceName] = useState("");
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  const submitInvite = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) invite.mutate({ name });
  };
  const submitEnrol = (event: FormEvent) => {
    event.preventDefault();
    if (deviceName.trim()) enrol.mutate({ name: deviceName });
  };

  return (
    <div className="stack">
      <h1>{t("staff.title")}</h1>
      <p className="muted">{t("staff.intro")}</p>

      <section aria-labelledby="invite-heading" className="card stack">
        <h2 id="invite-heading">{t("staff.invite")}</h2>
        <form onSubmit={submitInvite} className="stack">
          <Field id="staff-name" label={t("staff.name")} value={name} maxLength={LIMITS.nameLength} onChange={(e) => setName(e.target.value)} />
          <p className="actions"><button type="submit" className="button" disabled={invite.isPending}>{t("staff.inviteSubmit")}</button></p>
        </form>
        {invite.data && (
          <Notice tone="success">
            {t("staff.inviteLink", { name: invite.data.name })} <a href={invite.data.path} data-testid="invite-link">{`${origin}${invite.data.path}`}</a>
          </Notice>
        )}
      </section>

      <section aria-labelledby="enrol-heading" className="card stack">
        <h2 id="enrol-heading">{t("staff.enrol")}</h2>
        <p className="muted">{t("staff.enrolHint")}</p>
        <form onSubmit={submitEnrol} className="stack">
          <Field id="device-name" label={t("staff.deviceName")} value={deviceName} maxLength={LIMITS.nameLength} onChange={(e) => setDeviceName(e.target.value)} />
          <p className="actions"><button type="submit" className="button" disabled={enrol.isPending}>{t("staff.enrolSubmit")}</button></p>
        </form>
        {enrol.data && <Notice tone="success">{t("staff.enrolled", { name: enrol.data.name })} <a href="/counter">{t("staff.openCounter")}</a></Notice>}
      </section>

      {roster.data && (
        <>
          <section aria-labelledby="people-heading" className="card">
            <h2 id="people-heading">{t("staff.people")}</h2>
            <ul className="stack" aria-label={t("staff.people")}>
              {roster.data.staff.map((member) => (
                <li key={member.id}>
                  {member.name} — {t(`staff.status.${member.status}`)}{" "}
                  {member.status !== "revoked" && (
                    <button type="button" className="button button--small button--secondary" onClick={() => revokeStaff.mutate({ staffId: member.id })}>
                      {t("staff.revokeName", { name: member.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="devices-heading" className="card">
            <h2 id="devices-heading">{t("staff.devices")}</h2>
            <ul className="stack" aria-label={t("staff.devices")}>
              {roster.data.devices.map((device) => (
                <li key={device.id}>
                  {device.name} — {device.revokedAt ? t("staff.status.revoked") : t("staff.enrolledAt", { date: formatDateTime(device.enrolledAt, locale, timeZone) })}{" "}
                  {!device.revokedAt && (
                    <button type="button" className="button button--small button--secondary" onClick={() => revokeDevice.mutate({ deviceId: device.id })}>
                      {t("staff.revokeName", { name: device.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="audit-heading" className="card">
            <h2 id="audit-heading">{t("staff.audit")}</h2>
            <table data-testid="redemption-audit">
              <thead>
                <tr><th>{t("redeem.colTime")}</th><th>{t("redeem.colCode")}</th><th>{t("redeem.colCoupon")}</th><th>{t("staff.colWho")}</th><th>{t("staff.colDevice")}</th></tr>
              </thead>
              <tbody>
                {roster.data.redemptions.map((row) => (
                  <tr key={`${row.code}-${row.redeemedAt}`}>
                    <td>{formatDateTime(row.redeemedAt, locale, timeZone)}</td>
                    <td>{row.code}</td>
                    <td>{row.title}{row.undoneAt ? ` (${t("staff.undone")})` : ""}</td>
                    <td>{row.staff ?? t("staff.owner")}</td>
                    <td>{row.device ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
