/** The rules of combination in words now live with the shared UI (My record and Select LAR use them too). */
export * from '@/components/ui/rules-format';
