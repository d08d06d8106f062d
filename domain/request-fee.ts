// The fee quoted to a subject and where their answer left it: shown on status pages, kept in
// the request's row (the read model) and in the workflow's state alike.
// A type, not an interface: it is written as JSON into the row, which wants an index-signature-compatible shape.
export type RequestFee = {
  amount: number;
  currency: string;
  state: 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'WAIVED';
};
