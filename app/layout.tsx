import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { CollectionProvider } from "@/components/collection/collection-context";
import { getCollection } from "@/lib/engine/collection";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const collection = await getCollection();
  return { title: { default: collection.name, template: `%s · ${collection.name}` }, description: collection.description };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0f17" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: Next.js puts the nonce of proxy.ts's Content-Security-Policy on its scripts.
  await connection();
  return (
    <html lang="en">
      <body>
        <CollectionProvider collection={await getCollection()}>{children}</CollectionProvider>
      </body>
    </html>
  );
}
