import { useCallback, useEffect, useRef, useState } from 'react';

/** Runs a loader when its dependencies change; keeps the data, the error and a reload. */
export function useApi<T>(loader: () => Promise<T>, deps: readonly unknown[], enabled = true) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const run = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await loader();
      if (mine === seq.current) setData(result);
    } catch (e) {
      if (mine === seq.current) {
        setError(e);
        setData(undefined);
      }
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    if (enabled) void run();
  }, [run, enabled]);
  return { data, error, loading, reload: run };
}
