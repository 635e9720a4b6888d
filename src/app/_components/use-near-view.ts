"use client";
// Whether an element has come near the viewport (and stays true once it has): heavy parts of a
// screen (a map, a long list's data) wait for it, so opening the screen does not pay for what is
// scrolled to later, if ever.
import { type RefObject, useEffect, useRef, useState } from "react";

export function useNearView<T extends Element>(rootMargin = "200px"): [RefObject<T | null>, boolean] {
  const place = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = place.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, rootMargin]);
  return [place, near];
}
