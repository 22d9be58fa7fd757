import { createContext, useContext } from 'react';
import type { Me } from '../../api/types';

export const MeContext = createContext<Me | null>(null);

/** The signed-in account; only usable below RequireAuth, which guarantees one exists. */
export function useSignedInMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useSignedInMe() used outside RequireAuth');
  return me;
}
