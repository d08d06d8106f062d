-- CreateTable
CREATE TABLE "ProcessorCall" (
    "id" UUID NOT NULL,
    "store" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "result" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ProcessorCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProcessorCall_store_requestKey_operation_key" ON "ProcessorCall"("store", "requestKey", "operation");
