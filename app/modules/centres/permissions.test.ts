import { describe, expect, it } from "vitest";
import { actions, can, centreRoles, grantingRole, isCentreRole, wouldLeaveNoCoordinator, type Action, type Actor, type Role } from "./permissions";

const KBT = "centre-kbt";
const BIKUBEN = "centre-bikuben";

/**
 * The expected answer for every role × action, written out by hand.
 * A role is held at KBT; the action is asked at KBT (own centre) and at Bikuben (another centre).
 */
const expected: Record<Role, Record<Action, boolean>> = {
  participant: {
    "centre.view_members": false,
    "member.invite": false,
    "member.change_roles": false,
    "member.remove": false,
    "centre.edit": false,
    "centre.view_internal": true,
    "offer.edit": false,
    "centre.manage_instruments": false,
    "evaluation.create": false,
    "evaluation.view_centre_projects": false,
    "evaluation.import": false,
    "installation.create_centre": false,
    "installation.view_outbox": false,
    "installation.view_users": false,
  },
  peer_worker: {
    "centre.view_members": false,
    "member.invite": false,
    "member.change_roles": false,
    "member.remove": false,
    "centre.edit": false,
    "centre.view_internal": true,
    "offer.edit": false,
    "centre.manage_instruments": false,
    "evaluation.create": false,
    "evaluation.view_centre_projects": false,
    "evaluation.import": false,
    "installation.create_centre": false,
    "installation.view_outbox": false,
    "installation.view_users": false,
  },
  coordinator: {
    "centre.view_members": true,
    "member.invite": true,
    "member.change_roles": true,
    "member.remove": true,
    "centre.edit": true,
    "centre.view_internal": true,
    "offer.edit": true,
    "centre.manage_instruments": true,
    "evaluation.create": true,
    "evaluation.view_centre_projects": true,
    "evaluation.import": true,
    "installation.create_centre": false,
    "installation.view_outbox": false,
    "installation.view_users": false,
  },
  interviewer: {
    "centre.view_members": false,
    "member.invite": false,
    "member.change_roles": false,
    "member.remove": false,
    "centre.edit": false,
    "centre.view_internal": true,
    "offer.edit": false,
    "centre.manage_instruments": false,
    "evaluation.create": false,
    "evaluation.view_centre_projects": false,
    "evaluation.import": false,
    "installation.create_centre": false,
    "installation.view_outbox": false,
    "installation.view_users": false,
  },
  service_contact: {
    "centre.view_members": false,
    "member.invite": false,
    "member.change_roles": false,
    "member.remove": false,
    "centre.edit": false,
    "centre.view_internal": true,
    "offer.edit": false,
    "centre.manage_instruments": false,
    "evaluation.create": false,
    "evaluation.view_centre_projects": false,
    "evaluation.import": false,
    "installation.create_centre": false,
    "installation.view_outbox": false,
    "installation.view_users": false,
  },
  administrator: {
    "centre.view_members": true,
    "member.invite": true,
    "member.change_roles": true,
    "member.remove": true,
    "centre.edit": true,
    "centre.view_internal": true,
    "offer.edit": true,
    "centre.manage_instruments": true,
    "evaluation.create": false,
    "evaluation.view_centre_projects": true,
    "evaluation.import": false,
    "installation.create_centre": true,
    "installation.view_outbox": true,
    "installation.view_users": true,
  },
};

function actorWith(role: Role): Actor {
  return role === "administrator"
    ? { userId: "u", isAdmin: true, memberships: [] }
    : { userId: "u", isAdmin: false, memberships: [{ centreId: KBT, role }] };
}

const installationWide = (action: Action) => action.startsWith("installation.");

describe("permission table", () => {
  it("covers every role and every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...centreRoles, "administrator"].sort());
    for (const role of Object.keys(expected) as Role[]) expect(Object.keys(expected[role]).sort()).toEqual([...actions].sort());
  });

  for (const role of Object.keys(expected) as Role[]) {
    for (const action of actions) {
      const own = expected[role][action];
      // In another centre a centre role grants nothing; the administrator's installation role still applies
      // (administrators never create or import an evaluation: whoever does becomes part of it).
      const other = role === "administrator" ? own : false;
      it(`${role} ${own ? "may" : "may not"} ${action} in own centre, ${other ? "may" : "may not"} in another`, () => {
        const actor = actorWith(role);
        if (installationWide(action)) {
          expect(can(actor, action)).toBe(own);
        } else {
          expect(can(actor, action, KBT)).toBe(own);
          expect(can(actor, action, BIKUBEN)).toBe(other);
        }
      });
    }
  }

  it("gives nothing to a visitor who is not logged in", () => {
    for (const action of actions) expect(can(null, action, KBT)).toBe(false);
  });

  it("combines roles held at one centre, and never carries them to another", () => {
    const actor: Actor = {
      userId: "u",
      isAdmin: false,
      memberships: [
        { centreId: KBT, role: "participant" },
        { centreId: BIKUBEN, role: "coordinator" },
      ],
    };
    expect(can(actor, "member.invite", BIKUBEN)).toBe(true);
    expect(can(actor, "member.invite", KBT)).toBe(false);
  });

  it("never leaves a centre without a coordinator", () => {
    expect(wouldLeaveNoCoordinator(["a"], "a", ["participant"])).toBe(true);
    expect(wouldLeaveNoCoordinator(["a"], "a", ["coordinator"])).toBe(false);
    expect(wouldLeaveNoCoordinator(["a", "b"], "a", [])).toBe(false);
  });
});

describe("granting role, for the audit log", () => {
  const coordinator: Actor = { userId: "c", isAdmin: false, memberships: [{ centreId: KBT, role: "coordinator" }] };
  const admin: Actor = { userId: "a", isAdmin: true, memberships: [] };
  const adminAndCoordinator: Actor = { userId: "ac", isAdmin: true, memberships: [{ centreId: KBT, role: "coordinator" }] };

  it("names the centre role that allowed the action", () => {
    expect(grantingRole(coordinator, "member.invite", KBT)).toBe("coordinator");
    const participantAndCoordinator: Actor = {
      userId: "pc",
      isAdmin: false,
      memberships: [
        { centreId: KBT, role: "participant" },
        { centreId: KBT, role: "coordinator" },
      ],
    };
    expect(grantingRole(participantAndCoordinator, "centre.edit", KBT)).toBe("coordinator");
  });

  it("names the administrator when being administrator is what allowed it", () => {
    expect(grantingRole(admin, "centre.edit", KBT)).toBe("administrator");
    expect(grantingRole(admin, "installation.view_users")).toBe("administrator");
    expect(grantingRole(adminAndCoordinator, "member.invite", BIKUBEN)).toBe("administrator");
  });

  it("prefers the centre role when an administrator also holds one there", () => {
    expect(grantingRole(adminAndCoordinator, "member.invite", KBT)).toBe("coordinator");
  });

  it("names nothing when nothing allowed it", () => {
    expect(grantingRole(coordinator, "member.invite", BIKUBEN)).toBeUndefined();
    expect(grantingRole(coordinator, "installation.create_centre")).toBeUndefined();
    expect(grantingRole(null, "centre.view_internal", KBT)).toBeUndefined();
  });
});

describe("isCentreRole", () => {
  it("knows the five centre roles and nothing else", () => {
    for (const role of centreRoles) expect(isCentreRole(role), role).toBe(true);
    for (const value of ["administrator", "Coordinator", "coordinator ", "", null, undefined, 1, ["coordinator"]]) expect(isCentreRole(value), String(value)).toBe(false);
  });
});
