// Message threads between a customer and the office: who reaches which thread (a thread out of
// reach is 404), unread counts per user, a message sent twice stored once, text kept as typed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prepareSnapshot } from "~/server/services/sync/prepare-snapshot";
import { callerFor, contextFor } from "../../support/fixtures";
import { capture, requested } from "../../support/repair-flows";
import { useWorld } from "../../support/use-world";

describe("message threads", () => {
  const world = useWorld();

  it("a repair's thread joins the customer, the office and the repair's technician; unread counts are per user", async () => {
    const repair = await capture(world.db, world, { unitNumber: "M-1" });
    const carla = callerFor(world.db, world.carla);
    const maya = callerFor(world.db, world.maya);
    const tina = callerFor(world.db, world.tina);

    const empty = await carla.messages.thread({ repairId: repair.id });
    expect(empty).toMatchObject({ threadId: null, messages: [], title: "Unit M-1 · Chip" });

    const first = await carla.messages.send({
      id: randomUUID(),
      repairId: repair.id,
      body: "<b>When</b> is it fixed?",
    });
    expect(first).toMatchObject({ side: "customer", mine: true, body: "<b>When</b> is it fixed?" });
    expect((await carla.messages.threads({})).unread).toBe(0);
    expect((await maya.messages.threads({})).threads.find((t) => t.id === first.threadId)).toMatchObject({
      unread: 1,
      title: "Unit M-1 · Chip",
    });
    expect((await tina.messages.threads({})).unread).toBe(1);

    await maya.messages.send({ id: randomUUID(), repairId: repair.id, body: "Tina is on it today." });
    const answer = await tina.messages.send({ id: randomUUID(), repairId: repair.id, body: "Done by noon." });
    expect(answer.side).toBe("technician");
    // Tina wrote after reading: her marker moved past Carla's message and Maya's.
    expect((await tina.messages.threads({})).unread).toBe(0);
    expect((await carla.messages.thread({ repairId: repair.id })).unread).toBe(2);
    await carla.messages.markRead({ threadId: first.threadId });
    expect((await carla.messages.threads({})).unread).toBe(0);
    const thread = await carla.messages.thread({ repairId: repair.id });
    expect(thread.messages.map((m) => [m.side, m.authorName])).toEqual([
      ["customer", "Carla"],
      ["office", "Maya"],
      ["technician", "Tina"],
    ]);
  });

  it("another customer's thread, a thread of another technician's repair, and the general thread for a technician are not found", async () => {
    const repair = await capture(world.db, world, { unitNumber: "M-2" });
    const carla = callerFor(world.db, world.carla);
    const sent = await carla.messages.send({ id: randomUUID(), repairId: repair.id, body: "Hello" });
    const general = await carla.messages.send({ id: randomUUID(), body: "A general question" });
    expect(general.side).toBe("customer");

    const gus = callerFor(world.db, world.gus);
    await expect(gus.messages.thread({ repairId: repair.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gus.messages.send({ id: randomUUID(), repairId: repair.id, body: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(gus.messages.markRead({ threadId: sent.threadId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gus.messages.thread({ customerId: world.acme.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await gus.messages.threads({})).threads).toEqual([]);

    const theo = callerFor(world.db, world.theo);
    await expect(theo.messages.thread({ repairId: repair.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(theo.messages.markRead({ threadId: general.threadId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await theo.messages.threads({})).threads.map((t) => t.id)).not.toContain(sent.threadId);
    await expect(callerFor(world.db, world.tina).messages.thread({ customerId: world.acme.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // The office reads the general thread of any customer.
    const office = await callerFor(world.db, world.admin).messages.thread({ customerId: world.acme.id });
    expect(office.messages.map((m) => m.body)).toEqual(["A general question"]);
  });

  it("a message sent twice (a double click, a retry) is stored once; an empty or too long message is refused", async () => {
    const carla = callerFor(world.db, world.carla);
    const id = randomUUID();
    const [a, b] = await Promise.all([
      carla.messages.send({ id, body: "Twice?" }),
      carla.messages.send({ id, body: "Twice?" }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await world.db.message.count({ where: { id } })).toBe(1);
    // Two first messages at once still make one general thread.
    expect(await world.db.messageThread.count({ where: { customerId: world.acme.id, repairId: null } })).toBe(1);
    await expect(carla.messages.send({ id: randomUUID(), body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(carla.messages.send({ id: randomUUID(), body: "x".repeat(4001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(callerFor(world.db, world.gus).messages.send({ id, body: "Twice?" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("prepare hands the technician the threads of their own open work (newest messages, unread count), and no other", async () => {
    const mine = await requested(world.db, world, "M-3");
    const maya = callerFor(world.db, world.maya);
    await maya.repair.assign({ repairId: mine.id, technicianId: world.tina.technicianId });
    const carla = callerFor(world.db, world.carla);
    await carla.messages.send({ id: randomUUID(), repairId: mine.id, body: "Gate code is 4411" });
    const other = await requested(world.db, world, "M-4");
    await callerFor(world.db, world.admin).repair.assign({ repairId: other.id, technicianId: world.theo.technicianId });
    await carla.messages.send({ id: randomUUID(), repairId: other.id, body: "For Theo" });

    const snapshot = await prepareSnapshot(world.db, contextFor(world.tina));
    const thread = snapshot.threads?.find((t) => t.repairId === mine.id);
    expect(thread).toMatchObject({ title: "Unit M-3 · Chip", unread: 1 });
    expect(thread!.messages.map((m) => [m.body, m.side, m.mine])).toEqual([["Gate code is 4411", "customer", false]]);
    expect(snapshot.threads?.some((t) => t.repairId === other.id)).toBe(false);
  });
});
