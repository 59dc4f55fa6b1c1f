"use client";

import { createContext, useContext } from "react";
import type { Collection } from "@/lib/corpus/collection";

const CollectionContext = createContext<Collection | null>(null);

/** Gives every page the collection's wording, read on the server from collection.json. */
export function CollectionProvider({ collection, children }: { collection: Collection; children: React.ReactNode }) {
  return <CollectionContext.Provider value={collection}>{children}</CollectionContext.Provider>;
}

/** The collection's name and wording (the root layout provides it). */
export function useCollection(): Collection {
  const collection = useContext(CollectionContext);
  if (!collection) throw new Error("useCollection needs the root layout's CollectionProvider");
  return collection;
}
