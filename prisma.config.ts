// Prisma CLI configuration: the JavaScript engine with the pg driver adapter, so nothing is
// downloaded from outside the npm registry (see ../shared/STACK.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run the command through scripts/with-database.ts");
    return new PrismaPg({ connectionString: url });
  },
});
