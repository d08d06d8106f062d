-- Issue 13 item 7: free text out of the append-only audit trail. An audit event refers to its
-- note by id (details.noteId), and a completed deletion or account closure erases the subject's notes.

-- CreateTable
CREATE TABLE "AuditNote" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "body" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AuditNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditNote_subjectId_idx" ON "AuditNote"("subjectId");
